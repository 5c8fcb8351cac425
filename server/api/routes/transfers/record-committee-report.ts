import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { recordCommitteeReport } from '../../../app/ledger/transfers';
import { CommitteeReportBody } from '../../../app/ledger/requests';
import { idParam } from '../../../http/params';

export default route<CommitteeReportBody>({
  id: 'transfers.report',
  method: 'post',
  path: '/transfers/:id/committee-report',
  summary: 'Record the date a 전용 was reported to the standing committee',
  roles: LEDGER_WRITERS,
  body: CommitteeReportBody,
  handler: async ({ ds, ctx, body, params }) => ({
    status: 201,
    body: await recordCommitteeReport(ds, ctx, idParam(params.id), body.reportedOn),
  }),
});
