import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsDecimalText } from '../../../app/validators';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { recordRenewalFact } from '../../../app/evaluations/renewal';

export class RenewalFactBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  contractTermId?: number;

  /** selection_score ② · misconduct ④ · audit_sanction ⑤ */
  @IsIn(['selection_score', 'misconduct', 'audit_sanction'])
  kind: 'selection_score' | 'misconduct' | 'audit_sanction';

  @IsCalendarDate()
  factDate: string;

  /** selection_score only */
  @IsOptional()
  @IsDecimalText()
  score?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  /** the decision (처분·처벌·제재); required for misconduct and audit sanctions */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  decision?: string;

  /** audit_sanction only: the evaluation committee judged a sanction necessary */
  @IsOptional()
  @IsBoolean()
  committeeRelevant?: boolean;

  @IsOptional()
  @IsCalendarDate()
  committeeDecidedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

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
