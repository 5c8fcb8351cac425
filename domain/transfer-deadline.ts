/**
 * When a 전용 must be reported to the standing committee. The council's basic ordinance asks for a
 * quarterly report; the rule version in force on the transfer date says how many quarters after
 * the transfer's own quarter the report may come (1: by the end of the following quarter).
 */
export interface TransferDeadlineRule {
  quartersAfter: number;
}

export function quarterOf(date: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const [y, m] = date.split('-').map(Number);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** Last day of the quarter `quartersAfter` quarters after the one holding `date`. */
export function reportDeadline(date: string, rule: TransferDeadlineRule): string {
  const { year, quarter } = quarterOf(date);
  const index = year * 4 + (quarter - 1) + rule.quartersAfter;
  const y = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  return `${y}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

export type ReportStatus = 'reported' | 'reported_late' | 'unreported' | 'unreported_overdue';

export function reportStatus(
  transferDate: string,
  reportedOn: string | null,
  asOf: string,
  rule: TransferDeadlineRule,
): { status: ReportStatus; deadline: string } {
  const deadline = reportDeadline(transferDate, rule);
  if (reportedOn) return { status: reportedOn > deadline ? 'reported_late' : 'reported', deadline };
  return { status: asOf > deadline ? 'unreported_overdue' : 'unreported', deadline };
}

export const REPORT_STATUS_KO: Record<ReportStatus, string> = {
  reported: '보고완료',
  reported_late: '지연보고',
  unreported: '미보고',
  unreported_overdue: '미보고(기한경과)',
};
