import type { Role } from '../../entities/user';

/** Who does what: the role sets the routes refer to. The role-matrix test walks every route. */
export const LEDGER_READERS: readonly Role[] = ['budget_officer', 'council_staff', 'admin'];
export const LEDGER_WRITERS: readonly Role[] = ['budget_officer'];
export const REFERENCE_WRITERS: readonly Role[] = ['admin'];
export const EVERYONE: readonly Role[] = ['budget_officer', 'inspector', 'council_staff', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
/** who reads the audit trail on the pages: administrators and council staff (the auditors' seat); the API's stays ADMINS */
export const AUDIT_READERS: readonly Role[] = ['council_staff', 'admin'];
/** who records an account's year-end 보조금 반납금 / 교부차액 (결산 총괄) */
export const SETTLEMENT_WRITERS: readonly Role[] = ['budget_officer', 'admin'];
