import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CARRY_TYPES, CarryType } from '../../../../entities/ledger-entry';
import { route } from '../../../http/route';
import { IsCalendarDate, IsWon } from '../../validators';
import { LEDGER_WRITERS } from '../../roles';
import { POSTABLE_KINDS, PostableKind, postEntry } from '../../../services/ledger-service';

export class CreateEntryBody {
  @IsInt()
  @Min(1)
  programYearId: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  expenseItem: string;

  /** supplementary 추경 · carry_in 전년이월 · reserve 예비비 · change_use 변경사용 · execution 집행 · carry_out 차년이월 */
  @IsIn(POSTABLE_KINDS)
  kind: PostableKind;

  @IsWon()
  amount: number;

  @IsCalendarDate()
  entryDate: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  /** for carry_out: explicit 명시이월 · accident 사고이월 · continuing 계속비이월 */
  @IsOptional()
  @IsIn(CARRY_TYPES)
  carryType?: CarryType;
}

export default route<CreateEntryBody>({
  id: 'ledger-entries.create',
  method: 'post',
  path: '/ledger-entries',
  summary: 'Post an entry; an execution or carry-over beyond 예산현액 is refused with the figures',
  roles: LEDGER_WRITERS,
  body: CreateEntryBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await postEntry(ds, ctx, body) }),
});
