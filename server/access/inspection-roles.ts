import type { Role } from '../../entities/user';

/**
 * Who may see and do what with inspections (issue 5):
 * - inspectors of the consignment's owning department file, edit drafts, submit, approve and follow up;
 * - budget officers of the owning department and council staff read;
 * - nobody else (administrators included: they manage templates, not inspections).
 */
export const INSPECTION_READERS: readonly Role[] = ['inspector', 'budget_officer', 'council_staff'];
export const INSPECTION_WRITERS: readonly Role[] = ['inspector'];
/** checklist templates are reference data: inspectors and administrators maintain them, everyone reads them */
export const TEMPLATE_WRITERS: readonly Role[] = ['inspector', 'admin'];
export const TEMPLATE_READERS: readonly Role[] = ['budget_officer', 'inspector', 'council_staff', 'admin'];
