import listAudit from './list-audit-records';

export default [listAudit];
