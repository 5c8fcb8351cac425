import type { EntityManager } from 'typeorm';
import type { BudgetTransfer, TransferKind } from '../../../entities/budget-transfer';
import { quarterOf, reportStatus, ReportStatus, TransferDeadlineRule } from '../../../domain/transfer-deadline';
import { ruleHistory, TRANSFER_DEADLINE_RULE } from '../../store/rules';
import { versionOn } from '../../../domain/rule-versions';
import { transfersOfYear } from '../../store/ledger/transfers';
import { programsByIds, programYearsByIds } from '../../store/ledger/program-years';
import { allOrgUnits } from '../../store/org-units/org-units';
import { RequestContext } from '../../context';
import { inScope, programYearsWithin, readableUnits } from '../../access/department-rows';

export interface TransferView extends BudgetTransfer {
  quarter: number;
  fromProgramName: string;
  toProgramName: string;
  fromProgramCode: string;
  toProgramCode: string;
  orgUnitName: string | null;
  /** for 전용 only: reported, reported late, unreported, unreported and overdue */
  reportStatus: ReportStatus | null;
  reportDeadline: string | null;
  ruleVersionId: number | null;
}

export interface TransferFilter {
  year: number;
  quarter?: number;
  kind?: TransferKind;
  /** the day "overdue" is judged on (defaults to today) */
  asOf?: string;
  status?: ReportStatus;
}

/**
 * Transfers of a year with, for each 전용, whether it was reported to the standing committee in
 * time under the deadline rule in force on the transfer date.
 */
export async function listTransfers(em: EntityManager, filter: TransferFilter): Promise<TransferView[]> {
  const asOf = filter.asOf ?? new Date().toISOString().slice(0, 10);
  const rows = await transfersOfYear(em, filter.year, filter.kind);
  const pyIds = [...new Set(rows.flatMap((t) => [t.fromProgramYearId, t.toProgramYearId]))];
  const pys = await programYearsByIds(em, pyIds);
  const programs = await programsByIds(
    em,
    pys.map((p) => p.programId),
  );
  const orgs = await allOrgUnits(em);
  const history = await ruleHistory<TransferDeadlineRule>(em, TRANSFER_DEADLINE_RULE);
  const name = (pyId: number) => pys.find((p) => p.id === pyId)?.name ?? '';
  const code = (pyId: number) => programs.find((p) => p.id === pys.find((y) => y.id === pyId)?.programId)?.code ?? '';
  const views: TransferView[] = rows.map((t) => {
    const rule = t.kind === 'item' ? versionOn(history, t.transferDate) : null;
    const judged = rule ? reportStatus(t.transferDate, t.reportedOn, asOf, rule.params) : null;
    const py = pys.find((p) => p.id === t.fromProgramYearId);
    return {
      ...t,
      quarter: quarterOf(t.transferDate).quarter,
      fromProgramName: name(t.fromProgramYearId),
      toProgramName: name(t.toProgramYearId),
      fromProgramCode: code(t.fromProgramYearId),
      toProgramCode: code(t.toProgramYearId),
      orgUnitName: orgs.find((o) => o.id === (t.fromOrgUnitId ?? py?.orgUnitId))?.name ?? null,
      reportStatus: judged?.status ?? null,
      reportDeadline: judged?.deadline ?? null,
      ruleVersionId: rule?.id ?? null,
    };
  });
  return views.filter((v) => (!filter.quarter || v.quarter === filter.quarter) && (!filter.status || v.reportStatus === filter.status));
}

/**
 * listTransfers as a reader may see them: a budget officer sees the transfers that touch their own
 * department — either program-year owned by it now, or a whole-program 이체 out of it or into it.
 */
export async function readableTransfers(em: EntityManager, ctx: RequestContext, filter: TransferFilter): Promise<TransferView[]> {
  const all = await listTransfers(em, filter);
  const units = await readableUnits(em, ctx);
  if (units === null) return all;
  const pys = await programYearsWithin(em, units, filter.year);
  return all.filter(
    (t) => pys.has(t.fromProgramYearId) || pys.has(t.toProgramYearId) || inScope(units, t.fromOrgUnitId) || inScope(units, t.toOrgUnitId),
  );
}
