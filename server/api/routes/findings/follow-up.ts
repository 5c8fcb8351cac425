import { route } from '../../../http/route';
import { INSPECTION_WRITERS } from '../../../access/inspection-roles';
import { removeFinding, reportFindingAction, verifyFinding } from '../../../app/inspections/findings';
import { ActionReportBody, VerifyBody } from '../../../app/inspections/requests';
import { idParam } from '../../../http/params';

export const actionReport = route<ActionReportBody>({
  id: 'findings.actionReport',
  method: 'post',
  path: '/findings/:id/action-report',
  summary: 'open → action reported (dated, attributed)',
  roles: INSPECTION_WRITERS,
  body: ActionReportBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await reportFindingAction(ds, ctx, idParam(params.id), body) }),
});

export const verify = route<VerifyBody>({
  id: 'findings.verify',
  method: 'post',
  path: '/findings/:id/verify',
  summary: 'action reported → verified (dated, attributed)',
  roles: INSPECTION_WRITERS,
  body: VerifyBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await verifyFinding(ds, ctx, idParam(params.id), body) }),
});

export const remove = route({
  id: 'findings.delete',
  method: 'delete',
  path: '/findings/:id',
  summary: 'Remove a finding from a draft inspection',
  roles: INSPECTION_WRITERS,
  handler: async ({ ds, ctx, params }) => {
    await removeFinding(ds, ctx, idParam(params.id));
    return { status: 204, body: null };
  },
});
