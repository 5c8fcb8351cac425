import { route } from '../../../http/route';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { recordRenewalDecision } from '../../../app/evaluations/renewal';
import { RenewalDecisionBody } from '../../../app/evaluations/requests';

export default route<RenewalDecisionBody>({
  id: 'renewal-decisions.create',
  method: 'post',
  path: '/renewal-decisions',
  summary: "Record the city's decision at the end of a term (e.g. a re-tender chosen although renewal was allowed) with its reason",
  roles: EVALUATION_WRITERS,
  body: RenewalDecisionBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await recordRenewalDecision(ds, ctx, body) }),
});
