import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { listConsignments } from '../../queries/consignments/consignments';
import { currentSettlement } from '../../queries/consignments/settlements';
import { grantStatus } from '../../queries/consignments/grants';
import { findingsRegister } from '../../queries/inspections/register';
import { hasPaidGrants } from '../../queries/dashboard/dashboard';
import { today } from './common';
import { openGrantRequests } from '../../queries/consignments/grant-requests';

const QUARTER_START = ['01-01', '04-01', '07-01', '10-01'];

/**
 * What needs action now from the consignment and inspection services: quarters whose time has come
 * but are not fully granted, years whose settlement is not confirmed, findings past their due date.
 */
export async function dashboardExtras(em: EntityManager, ctx: RequestContext, year: number | null): Promise<Record<string, unknown>> {
  const role = ctx.actor.role;
  const out: Record<string, unknown> = {};
  const asOf = today();
  if (role === 'inspector' || role === 'budget_officer' || role === 'council_staff') {
    out.overdueFindings = (await findingsRegister(em, ctx, { asOf }))
      .filter((f) => f.overdue)
      .map((f) => ({
        href: `/inspections/${f.inspectionId}#findings`,
        consignmentName: f.consignmentName,
        title: f.pendingApproval ? `${f.title} (점검 승인 전)` : f.title,
        dueDate: f.dueDate,
      }));
  }
  if (role === 'budget_officer') {
    // 교부 신청 awaiting a decision or a payment, oldest first, with their age (the roles that decide)
    out.pendingRequests = (await openGrantRequests(em, ctx, { asOf })).map((r) => ({
      ...r,
      href: `/consignments/${r.consignmentId}?year=${r.fiscalYear}#request-${r.id}`,
    }));
  }
  if (role === 'budget_officer' && year !== null) {
    const ungranted: Record<string, unknown>[] = [];
    const settlements: Record<string, unknown>[] = [];
    for (const c of await listConsignments(em, ctx)) {
      const status = await grantStatus(em, c.id, year);
      if (status.plan) {
        for (const r of status.rows) {
          if (`${year}-${QUARTER_START[r.quarter - 1]}` <= asOf && r.granted < r.planned) {
            ungranted.push({
              href: `/consignments/${c.id}?year=${year}#grants`,
              consignmentName: c.name,
              quarter: r.quarter,
              planned: r.planned,
              granted: r.granted,
            });
          }
        }
      }
      // a year that has ended with grants paid and no confirmed settlement
      for (const y of [year - 1, year]) {
        if (`${y}-12-31` >= asOf) continue;
        if (!(await hasPaidGrants(em, c.id, y))) continue;
        const s = await currentSettlement(em, c.id, y);
        if (!s || s.status !== 'confirmed') {
          settlements.push({
            href: `/consignments/${c.id}?year=${y}`,
            consignmentName: c.name,
            text: `${y}년 정산 ${s ? `확정 전 (${s.status === 'reviewed' ? '검토 완료' : '제출됨'})` : '미제출'}`,
          });
        }
      }
    }
    out.ungrantedQuarters = ungranted;
    out.settlementsDue = settlements;
  }
  return out;
}
