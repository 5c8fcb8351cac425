import { route } from '../../../http/route';
import { REFERENCE_WRITERS } from '../../../access/roles';
import { CreateOrgUnitBody } from '../../../app/admin/requests';
import { createOrgUnit } from '../../../app/ledger/reference';

export default route<CreateOrgUnitBody>({
  id: 'org-units.create',
  method: 'post',
  path: '/org-units',
  summary: 'Add an organisation unit',
  roles: REFERENCE_WRITERS,
  body: CreateOrgUnitBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createOrgUnit(ds, ctx, body) }),
});
