import type { Role } from '../../entities/user';

/**
 * Who enters evaluations, indicators and renewal facts: budget officers of the owning department
 * (checked in the services with assertOrgAccess) and administrators. Council staff read everything;
 * budget officers and inspectors read their own department's.
 */
export const EVALUATION_WRITERS: readonly Role[] = ['budget_officer', 'admin'];
export const EVALUATION_READERS: readonly Role[] = ['budget_officer', 'inspector', 'council_staff', 'admin'];
/** templates are reference data */
export const TEMPLATE_WRITERS: readonly Role[] = ['admin'];
