import type { EntityManager } from 'typeorm';
import type { Role } from '../../../entities/user';
import { RequestContext } from '../../context';
import { LEDGER_WRITERS, REFERENCE_WRITERS } from '../../access/roles';
import { listConsignments } from '../../queries/consignments/consignments';
import { currentSettlement } from '../../queries/consignments/settlements';
import { reportDefinitions } from '../../../reports/registry';

const SETTLEMENT_STATUS: Record<string, string> = { submitted: '제출됨', reviewed: '검토 완료', confirmed: '확정' };

/** A role that reads and writes nothing (the council's staff): its first page shows what it reads, not a to-do list. */
export function isReadOnlyRole(role: Role): boolean {
  return !LEDGER_WRITERS.includes(role) && !REFERENCE_WRITERS.includes(role) && role !== 'inspector';
}

/**
 * The first page of a read-only role: the consignments' settlements of the year and the year before,
 * newest first, and the reports of the year it may read (those that need only the year).
 */
export async function readerDashboard(em: EntityManager, ctx: RequestContext, year: number | null): Promise<Record<string, unknown>> {
  if (year === null) return { recentSettlements: [], yearReports: [] };
  const settlements: { href: string; consignmentName: string; fiscalYear: number; status: string; date: string }[] = [];
  for (const c of await listConsignments(em, ctx)) {
    for (const y of [year, year - 1]) {
      const s = await currentSettlement(em, c.id, y);
      if (!s) continue;
      settlements.push({
        href: `/consignments/${c.id}?year=${y}#settlement`,
        consignmentName: c.name,
        fiscalYear: y,
        status: SETTLEMENT_STATUS[s.status] ?? s.status,
        date: s.confirmedOn ?? s.submittedOn,
      });
    }
  }
  settlements.sort((a, b) => b.date.localeCompare(a.date) || a.consignmentName.localeCompare(b.consignmentName, 'ko'));
  const yearReports = [...reportDefinitions().values()]
    .filter((d) => d.roles.includes(ctx.actor.role as Role) && d.required.every((p) => p === 'year'))
    .map((d) => ({ href: `/reports/${d.name}?year=${year}`, title: d.title }));
  return { recentSettlements: settlements.slice(0, 10), yearReports };
}
