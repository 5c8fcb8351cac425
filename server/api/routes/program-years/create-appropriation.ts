import { Type } from 'class-transformer';
import { IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested, ArrayMaxSize } from 'class-validator';
import { route } from '../../../http/route';
import { IsDecimalText, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createAppropriation } from '../../../app/ledger/reference';
import { idParam } from '../../../http/params';

export class BasisLineBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description: string;

  @IsOptional()
  @IsWon()
  unitAmount?: number;

  @IsOptional()
  @IsDecimalText()
  quantity?: string;

  @IsOptional()
  @IsDecimalText()
  multiplier?: string;

  @IsWon({ allowZero: true })
  amount: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BasisLineBody)
  children?: BasisLineBody[];
}

export class CreateAppropriationBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  expenseItem: string;

  @IsWon({ allowZero: true })
  amount: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BasisLineBody)
  basis?: BasisLineBody[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export default route<CreateAppropriationBody>({
  id: 'program-years.appropriate',
  method: 'post',
  path: '/program-years/:id/appropriations',
  summary: 'Record the appropriation of an expense item (편성목) with its calculation basis (산출근거)',
  roles: LEDGER_WRITERS,
  body: CreateAppropriationBody,
  handler: async ({ ds, ctx, body, params }) => ({
    status: 201,
    body: await createAppropriation(ds, ctx, { ...body, programYearId: idParam(params.id) }),
  }),
});
