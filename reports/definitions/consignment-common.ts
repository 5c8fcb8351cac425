/**
 * Helpers of the consignment reports (grant-status, consignment-settlement). No default export: the
 * registry treats this file as a helper. Amounts print in 원: a grant and its settlement are checked to
 * the won, and 천원 rounding would not let a settlement's 반납액 add up on paper.
 */
import type { EntityManager } from 'typeorm';
import type { Role } from '../../entities/user';
import { DomainError } from '../../domain/errors';
import { formatAmount, Rate } from '../../domain/money';
import type { RequestContext } from '../../server/context';
import { consignmentYearSubject } from '../../server/queries/consignments/consignments';
import type { Cell } from '../engine/model';
import type { ReportParams } from '../registry';

export const CONSIGNMENT_REPORT_ROLES: readonly Role[] = ['budget_officer', 'inspector', 'council_staff', 'admin'];
export const UNIT_LINE_WON = '(단위 : 원, %)';

export function wonCell(won: number): Cell {
  return { value: won, text: formatAmount(won, 'won') };
}
export function rateCell(rate: Rate): Cell {
  return { value: rate.value, text: rate.text };
}
export function textCell(text: string): Cell {
  return { value: text, text };
}
export const won = (n: number) => `${formatAmount(n, 'won')}원`;

/** The consignment and year a report is about, after checking the reader may see it. */
export async function reportSubject(em: EntityManager, params: ReportParams, ctx: RequestContext) {
  if (!params.consignment || params.year === undefined) {
    throw new DomainError('malformed', 'missing_report_parameter', 'consignment and year are required', '위탁사무와 연도가 필요합니다');
  }
  return consignmentYearSubject(em, ctx, params.consignment, Number(params.year));
}

/** The opening lines both consignment reports print: what, who runs it, for how long, who owns it. */
export function consignmentOverview(subject: Awaited<ReturnType<typeof reportSubject>>): { label: string; text: string }[] {
  const { c, holder, dept } = subject;
  return [
    { label: '위탁사무', text: `${c.name} (${c.code})` },
    {
      label: '수탁기관',
      text: holder ? `${holder.operator.name}${holder.operator.representative ? ` (대표 ${holder.operator.representative})` : ''}` : '-',
    },
    { label: '위탁기간', text: holder ? `${holder.term.startDate} ~ ${holder.term.endDate}` : '-' },
    { label: '소관부서', text: dept?.name ?? '-' },
  ];
}
