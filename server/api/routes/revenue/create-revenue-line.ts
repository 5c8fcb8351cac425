import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsFiscalYear, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createRevenueLine } from '../../../app/ledger/revenue';

export class CreateRevenueLineBody {
  @IsFiscalYear()
  fiscalYear: number;

  /** the department (or bureau) that collects it */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  orgCode: string;

  /** 세입 과목 code, unique in the year */
  @IsString()
  @Matches(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** the parent line's code, for a sub-item (parents add up their leaves) */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  parentCode?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  /** 예산액 */
  @IsWon({ allowZero: true })
  budget: number;

  /** 예산현액 */
  @IsWon({ allowZero: true })
  currentBudget: number;
}

export default route<CreateRevenueLineBody>({
  id: 'revenue.create-line',
  method: 'post',
  path: '/revenue-lines',
  summary: 'A revenue line (세입 과목) of a department for a fiscal year, with its 예산액 and 예산현액',
  roles: LEDGER_WRITERS,
  body: CreateRevenueLineBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createRevenueLine(ds, ctx, body) }),
});
