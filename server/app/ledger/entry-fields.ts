import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CARRY_TYPES, CarryType } from '../../../entities/ledger-entry';
import { IsCalendarDate, IsWon } from '../../requests/validators';
import { POSTABLE_KINDS, PostableKind } from '../../../domain/entries';

/** The fields of a ledger entry, shared by the API request and a row of the bulk import. */
export class LedgerEntryFields {
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
