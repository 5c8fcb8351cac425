import type { EntityManager } from 'typeorm';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { ageInDays, GRANT_REQUEST_STATUS_KO } from '../../../domain/grant-requests';
import { formatInteger } from '../../../domain/money';
import { warningOfRequest } from '../../queries/consignments/grant-requests';

/** A step's default date on the consignment page: today within the year, else the year's last day, never before the request. */
export function stepDay(year: number, today: string, after: string): string {
  const inYear = today.startsWith(`${year}-`) ? today : today < `${year}-01-01` ? `${year}-01-01` : `${year}-12-31`;
  return inYear < after ? after : inYear;
}

/** Requests awaiting a decision or a payment, as the consignment page lists them: each with its age and the forms it offers. */
export function requestRows(all: Disbursement[], userId: number, year: number, today: string) {
  return all
    .filter((d) => d.status === 'requested' || d.status === 'decided')
    .map((d) => {
      const day = stepDay(year, today, d.decidedOn ?? d.requestedOn);
      return {
        ...d,
        statusKo: GRANT_REQUEST_STATUS_KO[d.status as 'requested'],
        ageDays: ageInDays(d.requestedOn, today),
        amountText: formatInteger(Number(d.requestedAmount)),
        day,
        canDecide: d.status === 'requested',
        canPay: d.status === 'decided',
        canWithdraw: (d.requestedById ?? d.createdById) === userId,
      };
    });
}

/** The warning of the request just recorded (`?requested=<id>`), if it stands beyond the plan to date. */
export async function requestWarningView(em: EntityManager, all: Disbursement[], requested: unknown) {
  const d = all.find((x) => String(x.id) === String(requested ?? ''));
  return d ? warningOfRequest(em, d) : null;
}
