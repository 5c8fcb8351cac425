import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { addContractTerm, recordConsent, recordStaff } from '../../../app/consignments/consignments';
import { ConsentBody, ContractTermBody, StaffBody } from '../../../app/consignments/requests';

export const term = route<ContractTermBody>({
  id: 'consignments.add-term',
  method: 'post',
  path: '/consignments/:ref/contract-terms',
  summary: 'Add a contract term (period, operator, selection method, renewal count, evaluation score)',
  roles: LEDGER_WRITERS,
  body: ContractTermBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await addContractTerm(ds, ctx, params.ref, body) }),
});

export const consent = route<ConsentBody>({
  id: 'consignments.add-consent',
  method: 'post',
  path: '/consignments/:ref/consents',
  summary: 'Record a council-consent bill (동의안: bill number, submitted, referred, decided, result)',
  roles: LEDGER_WRITERS,
  body: ConsentBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await recordConsent(ds, ctx, params.ref, body) }),
});

export const staff = route<StaffBody>({
  id: 'consignments.add-staff',
  method: 'post',
  path: '/consignments/:ref/staff',
  summary: 'Record the staff headcount (근무 인원) of a year',
  roles: LEDGER_WRITERS,
  body: StaffBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await recordStaff(ds, ctx, params.ref, body) }),
});
