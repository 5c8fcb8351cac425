import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createConsignment } from '../../../app/consignments/consignments';

export class CreateConsignmentBody {
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** office 사무형 · facility 시설형 */
  @IsIn(['office', 'facility'])
  consignmentType: 'office' | 'facility';

  /** budget 예산지원형 · self 자립형 */
  @IsIn(['budget', 'self'])
  fundingType: 'budget' | 'self';

  @IsOptional()
  @IsString()
  @MaxLength(500)
  legalBasis?: string;

  /** owning department: code or exact Korean name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  orgCode: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  programCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  expenseItem?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export default route<CreateConsignmentBody>({
  id: 'consignments.create',
  method: 'post',
  path: '/consignments',
  summary: "Register a consignment (위탁사무) of the officer's own department with its funding program",
  roles: LEDGER_WRITERS,
  body: CreateConsignmentBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createConsignment(ds, ctx, body) }),
});
