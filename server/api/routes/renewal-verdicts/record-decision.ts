import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { recordRenewalDecision } from '../../../app/evaluations/renewal';

export class RenewalDecisionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  /** the term whose end the decision is about */
  @IsInt()
  @Min(1)
  contractTermId: number;

  @IsCalendarDate()
  decidedOn: string;

  /** renewal 재계약 · retender 재위탁(공개모집) */
  @IsIn(['renewal', 'retender'])
  decision: 'renewal' | 'retender';

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export default route<RenewalDecisionBody>({
  id: 'renewal-decisions.create',
  method: 'post',
  path: '/renewal-decisions',
  summary: "Record the city's decision at the end of a term (e.g. a re-tender chosen although renewal was allowed) with its reason",
  roles: EVALUATION_WRITERS,
  body: RenewalDecisionBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await recordRenewalDecision(ds, ctx, body) }),
});
