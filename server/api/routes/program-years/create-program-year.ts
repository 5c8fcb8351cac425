import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsFiscalYear, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createProgramYear } from '../../../app/ledger/reference';

export class CreateProgramYearBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  programCode: string;

  @IsFiscalYear()
  fiscalYear: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  orgCode: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  parentProgramCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  @IsOptional()
  @IsWon({ allowZero: true })
  priorYearBasis?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export default route<CreateProgramYearBody>({
  id: 'program-years.create',
  method: 'post',
  path: '/program-years',
  summary: 'Put a program into a fiscal year under a department',
  roles: LEDGER_WRITERS,
  body: CreateProgramYearBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createProgramYear(ds, ctx, body) }),
});
