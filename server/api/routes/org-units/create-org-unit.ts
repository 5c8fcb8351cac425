import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { REFERENCE_WRITERS } from '../../../access/roles';
import { IsCalendarDate } from '../../../app/validators';
import { createOrgUnit } from '../../../app/ledger/reference';

export class CreateOrgUnitBody {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @IsIn(['city', 'bureau', 'department', 'team'])
  level: 'city' | 'bureau' | 'department' | 'team';

  @IsOptional()
  @IsString()
  @MaxLength(40)
  parentCode?: string;

  @IsCalendarDate()
  validFrom: string;

  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
}

export default route<CreateOrgUnitBody>({
  id: 'org-units.create',
  method: 'post',
  path: '/org-units',
  summary: 'Add an organisation unit',
  roles: REFERENCE_WRITERS,
  body: CreateOrgUnitBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createOrgUnit(ds, ctx, body) }),
});
