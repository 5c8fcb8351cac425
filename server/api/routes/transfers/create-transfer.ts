import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsWon } from '../../../requests/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createTransfer } from '../../../app/ledger/ledger';

export class CreateTransferBody {
  /** item 전용 · program 이용 · org 이체 */
  @IsIn(['item', 'program', 'org'])
  kind: 'item' | 'program' | 'org';

  @IsCalendarDate()
  transferDate: string;

  @IsWon()
  amount: number;

  @IsInt()
  @Min(1)
  fromProgramYearId: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  fromItem: string;

  @IsInt()
  @Min(1)
  toProgramYearId: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  toItem: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  toOrgUnitId?: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  approvalRef?: string;

  @IsOptional()
  @IsCalendarDate()
  reportedOn?: string;
}

export default route<CreateTransferBody>({
  id: 'transfers.create',
  method: 'post',
  path: '/transfers',
  summary: '전용 · 이용 · 이체 between expense lines; the source line never goes below zero',
  roles: LEDGER_WRITERS,
  body: CreateTransferBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createTransfer(ds, ctx, body) }),
});
