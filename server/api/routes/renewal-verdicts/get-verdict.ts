import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { EVALUATION_READERS } from '../../../access/evaluation-roles';
import { verdictFor } from '../../../app/evaluations/renewal';

export class VerdictQuery {
  /** consignment code or exact Korean name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  /** the term whose end is judged; default the latest evaluated term */
  @IsOptional()
  @IsInt()
  @Min(1)
  contractTermId?: number;

  /** judge with the facts known on this day (default today) */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

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
