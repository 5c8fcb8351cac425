/**
 * 예산 전용 분기 보고: every 전용 of a year (or of one quarter) with its report to the standing
 * committee judged by the deadline rule in force on the transfer date (listTransfers →
 * domain/transfer-deadline.ts): 보고완료 / 지연보고 / 미보고 / 미보고(기한경과). Overdue unreported
 * ones are printed bold and counted in a ※ footnote.
 *
 * Parameters: `year`; optional `quarter` (1–4), `asOf` (the day "overdue" is judged on; default
 * today) and `org` (only 전용 of programs in that unit's settlement tree that year).
 * A 전용 that was reversed (and its reversal) is left out and counted in a footnote.
 */
import { REPORT_STATUS_KO } from '../../domain/transfer-deadline';
import { sumWon } from '../../domain/money';
import { settlementFor } from '../../server/queries/ledger/settlement';
import { listTransfers, TransferView } from '../../server/queries/ledger/transfers';
import type { ColumnDef, ReportRow } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { LEDGER_REPORT_ROLES, presentationOf, requireYear, textCell, today } from './ledger-common';
import { groupByAccount, reportAccount } from '../../server/queries/ledger/settlement';
import { programAccountsOf } from '../../server/queries/ledger/programs';

const COLUMNS: ColumnDef[] = [
  { key: 'program', label: '사업명', kind: 'text', width: 26 },
  { key: 'date', label: '전용일', kind: 'text', width: 11 },
  { key: 'fromItem', label: '전용 전 과목', kind: 'text', width: 12 },
  { key: 'toItem', label: '전용 후 과목', kind: 'text', width: 12 },
  { key: 'amount', label: '전용액', kind: 'amount', width: 11 },
  { key: 'deadline', label: '보고기한', kind: 'text', width: 11 },
  { key: 'reportedOn', label: '보고일', kind: 'text', width: 11 },
  { key: 'status', label: '보고 상태', kind: 'text', width: 15 },
];

const definition: ReportDefinition = {
  name: 'transfer-report',
  title: '예산 전용 분기 보고',
  required: ['year'],
  optional: ['quarter', 'asOf', 'org', 'account', 'groupBy', 'unit'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: true,
  packetOrder: 40,
  async build(em, params) {
    const year = requireYear(params);
    const p = presentationOf(params);
    const amountCell = p.amount;
    const asOf = params.asOf ?? today();
    const quarter = params.quarter !== undefined ? Number(params.quarter) : undefined;
    const all = await listTransfers(em, { year, quarter, kind: 'item', asOf });
    let scope: { name: string; code: string } | null = null;
    let inScope = (_t: TransferView) => true;
    if (params.org) {
      const s = await settlementFor(em, year, params.org);
      const codes = new Set(s.rows.map((r) => r.code).filter((c): c is string => !!c));
      scope = { name: s.org.name, code: s.org.code };
      inScope = (t) => codes.has(t.fromProgramCode) || codes.has(t.toProgramCode);
    }
    const account = await reportAccount(em, params.account);
    // a 전용 moves money within one program, so it is of that program's account
    const accountOf =
      account || params.groupBy === 'account'
        ? await programAccountsOf(em, [...new Set(all.flatMap((t) => [t.fromProgramCode, t.toProgramCode]))])
        : new Map<string, number | null>();
    if (account) {
      const orgScope = inScope;
      inScope = (t) => orgScope(t) && (accountOf.get(t.fromProgramCode) === account.id || accountOf.get(t.toProgramCode) === account.id);
    }
    const scoped = all.filter(inScope);
    const reversedIds = new Set(scoped.map((t) => t.reversalOfId).filter((id): id is number => id !== null));
    const cancelled = scoped.filter((t) => t.reversalOfId !== null || reversedIds.has(t.id));
    const transfers = scoped.filter((t) => t.reversalOfId === null && !reversedIds.has(t.id));

    const transferRow = (t: TransferView): ReportRow => {
      const overdue = t.reportStatus === 'unreported_overdue';
      return {
        depth: 0,
        style: overdue ? 'subtotal' : 'detail',
        cells: {
          program: textCell(t.fromProgramName === t.toProgramName ? t.fromProgramName : `${t.fromProgramName} → ${t.toProgramName}`),
          date: textCell(t.transferDate),
          fromItem: textCell(t.fromItem),
          toItem: textCell(t.toItem),
          amount: amountCell(t.amount),
          deadline: textCell(t.reportDeadline ?? ''),
          reportedOn: textCell(t.reportedOn ?? '-'),
          status: textCell(t.reportStatus ? REPORT_STATUS_KO[t.reportStatus] : ''),
        },
      };
    };
    const sumRow = (label: string, list: TransferView[], style: 'total' | 'subtotal'): ReportRow => ({
      depth: 0,
      style,
      cells: {
        program: textCell(label),
        date: textCell(''),
        fromItem: textCell(''),
        toItem: textCell(''),
        amount: amountCell(sumWon(list.map((t) => t.amount)), { zero: '-' }),
        deadline: textCell(''),
        reportedOn: textCell(''),
        status: textCell(''),
      },
    });
    const rows: ReportRow[] = [];
    if (params.groupBy === 'account') {
      const groups = await groupByAccount(
        em,
        transfers.map((t) => ({ t, accountId: accountOf.get(t.fromProgramCode) ?? null })),
      );
      for (const g of groups) {
        rows.push(...g.facts.map((f) => transferRow(f.t)));
        rows.push(
          sumRow(
            `${g.account.name} 소계 (${g.facts.length}건)`,
            g.facts.map((f) => f.t),
            'subtotal',
          ),
        );
      }
    } else rows.push(...transfers.map(transferRow));
    const overdue = transfers.filter((t) => t.reportStatus === 'unreported_overdue');
    const late = transfers.filter((t) => t.reportStatus === 'reported_late');
    const pending = transfers.filter((t) => t.reportStatus === 'unreported');
    rows.push(sumRow(`계 (${transfers.length}건)`, transfers, 'total'));

    const footnotes = [`※ 보고기한: 전용일이 속한 분기 기준, 전용일에 시행 중인 보고기한 규정에 따름 (판단 기준일 ${asOf})`];
    footnotes.push(
      `※ 보고기한이 지난 미보고 전용 ${overdue.length}건${overdue.length ? ` (${p.amountText(sumWon(overdue.map((t) => t.amount)))}, 굵게 표시)` : ''}`,
    );
    if (late.length) footnotes.push(`※ 기한 후 보고(지연보고) ${late.length}건`);
    if (pending.length) footnotes.push(`※ 보고기한 전 미보고 ${pending.length}건`);
    if (cancelled.length) footnotes.push(`※ 취소(역분개)된 전용과 그 취소 ${cancelled.length}건은 제외`);

    const period = quarter ? `${year}년 ${quarter}분기` : `${year}년 전체`;
    return {
      id: `transfer-report-${year}${quarter ? `-q${quarter}` : ''}${scope ? `-${scope.code}` : ''}${account ? `-${account.code}` : ''}`,
      title: '예산 전용 분기 보고',
      subtitle: `${period}${scope ? ` · ${scope.name}` : ''}${account ? ` · ${account.name}` : ''}`,
      unitLine: p.unitLineAmounts,
      asOf,
      orientation: 'landscape',
      sections: [
        { kind: 'table', title: `예산 전용 현황 (${period})`, unitLine: p.unitLineAmounts, columns: COLUMNS, rows },
        {
          kind: 'paragraphs',
          title: '전용 사유',
          paragraphs: transfers.length
            ? transfers.map(
                (t, i) =>
                  `${i + 1}. ${t.fromProgramName} (${t.transferDate}, ${t.fromItem} → ${t.toItem} ${p.amountText(t.amount)}): ${t.reason}`,
              )
            : ['해당 기간에 예산 전용이 없습니다.'],
        },
      ],
      footnotes,
      source: '예산·민간위탁 관리대장 (예산 전용 대장)',
    };
  },
};

export default definition;
