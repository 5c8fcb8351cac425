/**
 * 예산 총괄 / 전년 대비: 구분 · 전년 예산 (A) · 당해 예산 (B) · 증감 (B−A) · 증감률, with "<전년>년 대비"
 * over 증감 and 증감률 (seed 003's 2019 table; seed 000's 예산 총괄).
 *
 * Two shapes, chosen by the parameters:
 * - `org` (bureau or department): the settlement tree of `year` (domain/settlement.ts) with 예산액 as
 *   B; 증감률 with 2 decimals, zero printed "-", a new item "100", a disappearing one "△100" (seed 003).
 * - `consignment` (a program code, a consignment funded by it or the exact program name): 계 and one
 *   row per 편성목 (e.g. 민간위탁금); 증감률 in whole percent as seed 000 prints it ("1").
 *
 * Prior-year basis (A): a program-year's `priorYearBasis` — the prior year restated to this year's
 * organisation, as the budget book publishes it — where the year has one; otherwise the prior year's
 * own 예산액 of the same program code. The subtitle and a footnote say which basis was used.
 */
import { DomainError, notFound } from '../../domain/errors';
import { addFigures, ZERO_FIGURES } from '../../domain/ledger';
import { buildSettlementRows, ProgramYearFacts, SettlementRow } from '../../domain/settlement';
import type { ProgramYear } from '../../entities/program-year';
import { loadYearFacts } from '../../server/queries/ledger/year-facts';
import { programYearFigures } from '../../server/queries/ledger/line-figures';
import { orgUnitByCode } from '../../server/queries/ledger/org-chart';
import { programYearIn } from '../../server/queries/ledger/programs';
import type { Cell, ColumnDef, HeaderCell, ReportModel, ReportRow, RowStyle } from '../engine/model';
import type { ReportDefinition, ReportParams } from '../registry';
import {
  dashCell,
  depthOf,
  LEDGER_REPORT_ROLES,
  Presentation,
  presentationOf,
  rateCell,
  requireYear,
  resolveProgram,
  ROW_STYLE,
  textCell,
  today,
} from './ledger-common';
import { reportAccount } from '../../server/queries/ledger/settlement';

/** Report setting: 증감률 decimals by shape (seed 003 prints 13.86, seed 000 prints 1). */
export const CHANGE_RATE_DECIMALS = { org: 2, program: 0 } as const;

const ZERO = { zero: '-' as const };

function columns(year: number, firstLabel: string): { columns: ColumnDef[]; headerRows: HeaderCell[][] } {
  const a = `${year - 1}년 예산 (A)`;
  const b = `${year}년 예산 (B)`;
  return {
    columns: [
      { key: 'name', label: firstLabel, kind: 'text', width: 34 },
      { key: 'prior', label: a, kind: 'amount', width: 14 },
      { key: 'current', label: b, kind: 'amount', width: 14 },
      { key: 'diff', label: '증감 (B−A)', kind: 'amount', width: 13 },
      { key: 'rate', label: '증감률', kind: 'rate', width: 9 },
    ],
    headerRows: [
      [
        { label: firstLabel, rowSpan: 2 },
        { label: a, rowSpan: 2 },
        { label: b, rowSpan: 2 },
        { label: `${year - 1}년 대비`, colSpan: 2 },
      ],
      [{ label: '증감 (B−A)' }, { label: '증감률' }],
    ],
  };
}

/** One comparison row; `prior` null = no prior-year figures at all (prints "-"). */
function comparisonRow(
  p: Presentation,
  label: string,
  prior: number | null,
  current: number,
  decimals: number,
  depth: number,
  style: RowStyle,
): ReportRow {
  const amountCell = p.amount;
  const cells: Record<string, Cell> = { name: textCell(label), current: amountCell(current, ZERO) };
  if (prior === null) {
    Object.assign(cells, { prior: dashCell(), diff: dashCell(), rate: dashCell() });
  } else {
    Object.assign(cells, {
      prior: amountCell(prior, ZERO),
      diff: amountCell(current - prior, ZERO),
      rate: rateCell(p.changeRate(prior, current, decimals)),
    });
  }
  return { depth, style, cells };
}

async function forOrg(
  em: Parameters<ReportDefinition['build']>[0],
  year: number,
  org: string,
  asOf: string,
  p: Presentation,
  accountParam?: string,
): Promise<ReportModel> {
  const root = await orgUnitByCode(em, org, 'org');
  const account = await reportAccount(em, accountParam);
  const ofAccount = <T extends { programs: ProgramYearFacts[] }>(f: T): T =>
    account ? { ...f, programs: f.programs.filter((q) => q.accountId === account.id) } : f;
  const current = ofAccount(await loadYearFacts(em, year));
  const prior = ofAccount(await loadYearFacts(em, year - 1));
  const UNIT_LINE = p.unitLine;
  const decimals = CHANGE_RATE_DECIMALS.org;

  const plain = buildSettlementRows(current.orgs, current.programs, root.id);
  const leaves = plain.filter((r) => r.kind === 'unit' || r.kind === 'basic');
  const restated = leaves.filter((r) => r.priorYearBasis !== null);
  const mode: 'restated' | 'prior' = restated.length > 0 ? 'restated' : 'prior';
  const priorAvailable = mode === 'restated' || prior.programs.length > 0;

  const priorLeaves = prior.programs.filter((p) => p.kind !== 'policy');
  const priorBudget = new Map(priorLeaves.map((p) => [p.programCode, p.figures.budget]));
  const currentCodes = new Set(current.programs.map((p) => p.programCode));
  const facts: ProgramYearFacts[] = current.programs.map((p) =>
    p.kind === 'policy' ? p : { ...p, priorYearBasis: p.priorYearBasis ?? priorBudget.get(p.programCode) ?? 0 },
  );

  // Without a restated basis, a program that existed last year and is gone this year still shows,
  // with B = 0 (△100), under its department when that department still exists.
  let gone: ProgramYearFacts[] = [];
  if (mode === 'prior' && priorAvailable) {
    const priorTree = new Set(buildSettlementRows(prior.orgs, prior.programs, root.id).map((r) => r.code));
    gone = priorLeaves
      .filter((p) => priorTree.has(p.programCode) && !currentCodes.has(p.programCode))
      .map((p, i) => {
        const parentCode = prior.programs.find((q) => q.id === p.parentId)?.programCode;
        const parent = current.programs.find((q) => q.kind === 'policy' && q.programCode === parentCode);
        return {
          ...p,
          id: -(i + 1),
          parentId: parent?.id ?? null,
          sortOrder: Number.MAX_SAFE_INTEGER,
          figures: ZERO_FIGURES,
          priorYearBasis: p.figures.budget,
        };
      });
  }
  const rows: SettlementRow[] = buildSettlementRows(current.orgs, [...facts, ...gone], root.id);
  const shown = new Set(rows.map((r) => r.code));
  const left = gone.filter((g) => !shown.has(g.programCode));

  const { columns: cols, headerRows } = columns(year, '부서/사업명');
  const body = rows.map((r) =>
    comparisonRow(p, r.label, priorAvailable ? (r.priorYearBasis ?? 0) : null, r.figures.budget, decimals, depthOf(r), ROW_STYLE[r.kind]),
  );

  const basisText =
    mode === 'restated' ? `${year}년 조직 기준 재작성` : priorAvailable ? `${year - 1}년 예산액(같은 사업코드)` : '자료 없음';
  const footnotes: string[] = [];
  if (mode === 'restated') {
    footnotes.push(`※ ${year - 1}년 예산은 ${year}년 조직 기준으로 재작성한 금액(예산서의 전년도 예산)임`);
    const fallback = leaves.filter((r) => r.priorYearBasis === null);
    if (fallback.length)
      footnotes.push(
        `※ 재작성 금액이 없는 ${fallback.length}개 사업은 ${year - 1}년 자체 예산액으로 비교: ${fallback.map((r) => r.label).join(', ')}`,
      );
  } else if (priorAvailable) {
    footnotes.push(`※ ${year - 1}년 예산은 같은 사업코드의 ${year - 1}년 예산액(최종예산)임`);
  } else {
    footnotes.push(`※ ${year - 1} 회계연도 자료가 원장에 없어 전년 대비를 표시하지 않음`);
  }
  if (left.length) {
    const total = addFigures(left.map((g) => ({ ...ZERO_FIGURES, budget: g.priorYearBasis ?? 0 }))).budget;
    footnotes.push(
      `※ ${year}년에 없는 부서의 ${year - 1}년 사업 ${left.length}건(${p.amountText(total)})은 표에 없음: ${left.map((g) => g.name).join(', ')}`,
    );
  }
  footnotes.push('※ 증감률 = (B − A) / A × 100; 신규 사업 100, 폐지 사업 △100, 증감 없음 -');

  return {
    id: `budget-comparison-${year}-${root.code}${account ? `-${account.code}` : ''}`,
    title: `${year}년 예산 총괄 (전년 대비)`,
    subtitle: `${root.name}${account ? ` · ${account.name}` : ''} · 전년 예산: ${basisText}`,
    unitLine: UNIT_LINE,
    asOf,
    sections: [{ kind: 'table', title: '예산 총괄', unitLine: UNIT_LINE, columns: cols, headerRows, rows: body }],
    footnotes,
    source: '예산·민간위탁 관리대장 (세출 원장)',
  };
}

async function forProgram(
  em: Parameters<ReportDefinition['build']>[0],
  year: number,
  ref: string,
  asOf: string,
  p: Presentation,
): Promise<ReportModel> {
  const program = await resolveProgram(em, ref);
  const UNIT_LINE = p.unitLine;
  const decimals = p.decimals(CHANGE_RATE_DECIMALS.program);
  const py = await programYearIn(em, program.id, year);
  if (!py) throw notFound(`${program.code} in ${year}`, `${year}년 ${program.name}`, 'year');
  const priorPy = await programYearIn(em, program.id, year - 1);

  // a policy program is the roll-up of its unit programs (as in the settlement tree)
  const figuresOf = async (y: number, target: ProgramYear) => {
    if (program.kind !== 'policy') return programYearFigures(em, target.id);
    const { programs } = await loadYearFacts(em, y);
    return {
      items: {} as Record<string, typeof ZERO_FIGURES>,
      total: addFigures(programs.filter((p) => p.parentId === target.id).map((p) => p.figures)),
    };
  };
  const cur = await figuresOf(year, py);
  const prev = priorPy ? await figuresOf(year - 1, priorPy) : null;
  const restated = py.priorYearBasis !== null;
  const priorTotal = restated ? py.priorYearBasis : (prev?.total.budget ?? null);

  const rows: ReportRow[] = [comparisonRow(p, '계', priorTotal, cur.total.budget, decimals, 0, 'total')];
  // 편성목 rows only when A is the prior year's own budget (a restated basis has no 편성목 split)
  if (!restated) {
    const items = [...new Set([...Object.keys(cur.items), ...Object.keys(prev?.items ?? {})])];
    for (const item of items) {
      rows.push(comparisonRow(p, item, prev ? (prev.items[item]?.budget ?? 0) : null, cur.items[item]?.budget ?? 0, decimals, 1, 'detail'));
    }
  }
  const footnotes = [
    restated
      ? `※ ${year - 1}년 예산은 ${year}년 조직 기준으로 재작성한 금액(예산서의 전년도 예산)임 — 편성목별 재작성 금액이 없어 합계만 비교`
      : prev
        ? `※ ${year - 1}년 예산은 같은 사업코드의 ${year - 1}년 예산액(최종예산)임`
        : `※ ${year - 1}년에 이 사업의 예산이 원장에 없어 전년 대비를 표시하지 않음`,
    decimals === 0 ? '※ 증감률 = (B − A) × 100 / A, 정수 자리로 반올림' : `※ 증감률 = (B − A) × 100 / A, 소수 ${decimals}자리로 반올림`,
  ];
  const { columns: cols, headerRows } = columns(year, '구 분');
  return {
    id: `budget-comparison-${year}-${program.code}`,
    title: `${year}년 예산 총괄 (전년 대비)`,
    subtitle: `${py.name} · 전년 예산: ${restated ? `${year}년 조직 기준 재작성` : prev ? `${year - 1}년 예산액` : '자료 없음'}`,
    unitLine: UNIT_LINE,
    asOf,
    sections: [{ kind: 'table', title: '예산 총괄', unitLine: UNIT_LINE, columns: cols, headerRows, rows }],
    footnotes,
    source: '예산·민간위탁 관리대장 (세출 원장)',
  };
}

const definition: ReportDefinition = {
  name: 'budget-comparison',
  title: '예산 총괄 (전년 대비)',
  required: ['year'],
  optional: ['org', 'consignment', 'asOf', 'account', 'unit', 'rateDecimals'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: true,
  packetOrder: 50,
  async build(em, params: ReportParams) {
    const year = requireYear(params);
    const asOf = params.asOf ?? today();
    const p = presentationOf(params);
    if (params.consignment) return forProgram(em, year, params.consignment, asOf, p);
    if (params.org) return forOrg(em, year, params.org, asOf, p, params.account);
    throw new DomainError(
      'malformed',
      'missing_report_parameter',
      'budget-comparison needs org or consignment',
      '예산 총괄에는 조직(org) 또는 사업(consignment)이 필요합니다',
      [
        {
          field: 'org',
          rule: 'orgOrConsignment',
          message: 'give org (bureau/department) or consignment (program code or name)',
          message_ko: '조직 또는 사업을 입력하십시오',
        },
      ],
    );
  },
};

export default definition;
