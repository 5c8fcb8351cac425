import { IsNotEmpty, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { IsCalendarDate } from '../../../app/validators';
import { createRuleVersion } from '../../../app/admin/rule-versions';

export class CreateRuleVersionBody {
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,59}$/)
  ruleKey: string;

  /** must be after the latest version of the rule; the previous open-ended version is closed the day before */
  @IsCalendarDate()
  effectiveFrom: string;

  /** the rule's parameters, e.g. {"quartersAfter": 1} or {"minScore": "75"} */
  @IsObject()
  params: Record<string, unknown>;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source: string;
}

export default route<CreateRuleVersionBody>({
  id: 'rule-versions.create',
  method: 'post',
  path: '/rule-versions',
  summary: 'Add a dated version of a rule (closes the previous open-ended version the day before)',
  roles: ADMINS,
  body: CreateRuleVersionBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createRuleVersion(ds, ctx, body) }),
});
