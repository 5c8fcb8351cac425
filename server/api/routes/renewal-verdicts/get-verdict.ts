import { route } from '../../../http/route';
import { EVALUATION_READERS } from '../../../access/evaluation-roles';
import { VerdictQuery } from '../../../app/evaluations/requests';
import { verdictFor } from '../../../queries/evaluations/renewal';

export default route<object, VerdictQuery>({
  id: 'renewal-verdicts.get',
  method: 'get',
  path: '/renewal-verdicts',
  summary:
    "Renewal verdict (재계약 여부) of a consignment: every exclusion reason ①–⑤ that applies with its evidence and rule version, or renewal allowed; and the city's own decision",
  roles: EVALUATION_READERS,
  query: VerdictQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await verdictFor(ds.manager, ctx, query) }),
});
