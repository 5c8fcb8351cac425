import { route } from '../../../http/route';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { recordRenewalFact } from '../../../app/evaluations/renewal';
import { RenewalFactBody } from '../../../app/evaluations/requests';

export default route<RenewalFactBody>({
  id: 'renewal-facts.create',
  method: 'post',
  path: '/renewal-facts',
  summary:
    "Record a fact for the renewal verdict: a selection-committee score, punished misconduct, or an audit sanction and the committee's judgement",
  roles: EVALUATION_WRITERS,
  body: RenewalFactBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await recordRenewalFact(ds, ctx, body) }),
});
