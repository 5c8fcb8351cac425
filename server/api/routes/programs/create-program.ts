import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { REFERENCE_WRITERS } from '../../../access/roles';
import { createProgram } from '../../../app/ledger/reference';

export class CreateProgramBody {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsIn(['policy', 'unit', 'basic'])
  kind: 'policy' | 'unit' | 'basic';

  @IsIn(['general', 'special', 'fund'])
  account: 'general' | 'special' | 'fund';
}

export default route<CreateProgramBody>({
  id: 'programs.create',
  method: 'post',
  path: '/programs',
  summary: 'Add a program (정책사업, 단위사업 or 기본경비) with a stable code',
  roles: REFERENCE_WRITERS,
  body: CreateProgramBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createProgram(ds, ctx, body) }),
});
