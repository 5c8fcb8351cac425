/**
 * 최근 3년 결산 현황 (seed 000, 5): one program's settlement over the three fiscal years ending with
 * `year` — 연도 · 최종예산 · 전년이월 · 예산변경 · 예산현액 · 집행액 · 차년이월 · 집행잔액, zero printed "0".
 *
 * Parameters: `consignment` names the PROGRAM — a program code ('EC-U01'), the code or name of a
 * consignment funded by it, or the exact program name ('서울시 전자상거래센터 운영'); `org` is not used
 * because a consignment's history follows its program across reorganisations. `year` is the last year
 * shown; it defaults to the latest closed fiscal year in which the program exists.
 *
 * Figures: loadYearFacts (the same facts settlementFor rolls up); a policy program's row is the sum
 * of its unit programs (addFigures), as in the settlement tree.
 */
import { DomainError } from '../../domain/errors';
import { addFigures, LineFigures } from '../../domain/ledger';
import { loadYearFacts } from '../../server/queries/ledger/year-facts';
import type { ColumnDef, ReportRow } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { latestClosedYearOf, LEDGER_REPORT_ROLES, presentationOf, resolveProgram, textCell, today } from './ledger-common';

const YEARS = 3;

const COLUMNS: ColumnDef[] = [
  { key: 'year', label: '연도', kind: 'text', width: 8 },
  { key: 'budget', label: '최종예산', kind: 'amount', width: 12 },
  { key: 'carryIn', label: '전년이월', kind: 'amount', width: 11 },
  { key: 'changes', label: '예산변경', kind: 'amount', width: 11 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 12 },
  { key: 'executed', label: '집행액', kind: 'amount', width: 12 },
  { key: 'carriedOut', label: '차년이월', kind: 'amount', width: 11 },
  { key: 'balance', label: '집행잔액', kind: 'amount', width: 11 },
];

const definition: ReportDefinition = {
  name: 'settlement-history',
  title: '최근 3년 결산 현황',
  required: ['consignment'],
  optional: ['year', 'unit'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: false,
  async build(em, params) {
    const p = presentationOf(params);
    const amountCell = p.amount;
    const UNIT_LINE_AMOUNTS = p.unitLineAmounts;
    const program = await resolveProgram(em, params.consignment!);
    const last = params.year !== undefined ? Number(params.year) : await latestClosedYearOf(em, program.id);
    if (last === null) {
      throw new DomainError(
        'not_found',
        'no_closed_year',
        `${program.code} has no closed fiscal year`,
        `${program.name}의 결산이 끝난 회계연도가 없습니다`,
        [{ field: 'year', rule: 'closedYearExists', message: 'give the year explicitly', message_ko: '연도를 지정하십시오' }],
      );
    }
    const rows: ReportRow[] = [];
    const missing: number[] = [];
    let printedName = program.name;
    for (let year = last - YEARS + 1; year <= last; year++) {
      const { programs } = await loadYearFacts(em, year);
      const own = programs.find((p) => p.programCode === program.code);
      if (!own) {
        missing.push(year);
        continue;
      }
      printedName = own.name;
      const f: LineFigures =
        own.kind === 'policy' ? addFigures(programs.filter((p) => p.parentId === own.id).map((p) => p.figures)) : own.figures;
      const zero = { zero: '0' as const };
      rows.push({
        depth: 0,
        style: 'detail',
        cells: {
          year: textCell(String(year)),
          budget: amountCell(f.budget, zero),
          carryIn: amountCell(f.carryIn, zero),
          changes: amountCell(f.changes, zero),
          current: amountCell(f.current, zero),
          executed: amountCell(f.executed, zero),
          carriedOut: amountCell(f.carriedOut, zero),
          balance: amountCell(f.balance, zero),
        },
      });
    }
    const footnotes = ['※ 예산현액 = 최종예산 + 전년이월 ± 예산변경, 집행잔액 = 예산현액 − 집행액 − 차년이월'];
    if (missing.length) footnotes.push(`※ ${missing.join(', ')}년: 해당 연도에 편성된 사업 없음`);
    return {
      id: `settlement-history-${program.code}-${last}`,
      title: '최근 3년 결산 현황',
      subtitle: `${printedName} (${last - YEARS + 1}~${last})`,
      unitLine: UNIT_LINE_AMOUNTS,
      asOf: params.asOf ?? today(),
      sections: [{ kind: 'table', title: '최근 3년 결산 현황', unitLine: UNIT_LINE_AMOUNTS, columns: COLUMNS, rows }],
      footnotes,
      source: '예산·민간위탁 관리대장 (세출 원장)',
    };
  },
};

export default definition;
