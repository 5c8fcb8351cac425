import { route } from '../../../http/route';
import { IsCalendarDate } from '../../validators';
import { LEDGER_WRITERS } from '../../roles';
import { recordCommitteeReport } from '../../../services/ledger-service';
import { idParam } from '../params';

export class CommitteeReportBody {
  @IsCalendarDate()
  reportedOn: string;
}

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
