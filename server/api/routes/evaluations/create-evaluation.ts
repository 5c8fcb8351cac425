import { route } from '../../../http/route';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { createEvaluation } from '../../../app/evaluations/evaluations';
import { CreateEvaluationBody } from '../../../app/evaluations/requests';

export default route<CreateEvaluationBody>({
  id: 'evaluations.create',
  method: 'post',
  path: '/evaluations',
  summary: 'Record the comprehensive evaluation (종합성과평가) of a contract term: every indicator scored, the total computed',
  roles: EVALUATION_WRITERS,
  body: CreateEvaluationBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createEvaluation(ds, ctx, body) }),
});
