import { route } from '../../../http/route';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { recordIndicatorValue } from '../../../app/evaluations/indicators';
import { IndicatorValueBody } from '../../../app/evaluations/requests';
import { idParam } from '../../../http/params';

export default route<IndicatorValueBody>({
  id: 'performance-indicators.record-value',
  method: 'post',
  path: '/performance-indicators/:id/values',
  summary: 'Record the target and actual of an indicator for a year or part of it; the achievement (달성도) is computed',
  roles: EVALUATION_WRITERS,
  body: IndicatorValueBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await recordIndicatorValue(ds, ctx, idParam(params.id), body) }),
});
