import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createConsignment } from '../../../app/consignments/consignments';
import { CreateConsignmentBody } from '../../../app/consignments/requests';

export default route<CreateConsignmentBody>({
  id: 'consignments.create',
  method: 'post',
  path: '/consignments',
  summary: "Register a consignment (위탁사무) of the officer's own department with its funding program",
  roles: LEDGER_WRITERS,
  body: CreateConsignmentBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createConsignment(ds, ctx, body) }),
});
