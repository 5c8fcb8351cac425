import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { AccountKind } from '../../../entities/account';
import { ACCOUNT_KINDS } from '../../../domain/accounts';
import { IsCalendarDate, IsFiscalYear, IsOmittable, IsWon } from '../../requests/validators';

/** The requests of accounts (회계): the API and the pages validate with these classes. */

export class CreateAccountBody {
  /** stable code, e.g. '100' 일반회계, '210' 주차장특별회계 */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** general 일반회계 · public_enterprise 공기업특별회계 · other_special 기타특별회계 · fund 기금 */
  @IsIn(ACCOUNT_KINDS)
  kind: AccountKind;

  @IsOmittable()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  @IsCalendarDate()
  validFrom: string;

  @IsOptional()
  @IsCalendarDate()
  validTo?: string | null;
}

/** An account's year-end record for the 결산 총괄: 보조금 반납금 and 교부차액 (may be negative). */
export class PutAccountSettlementBody {
  /** 보조금 반납금 (won) */
  @IsWon({ allowZero: true })
  subsidyReturned: number;

  /** 교부차액 (won, signed) */
  @IsWon({ allowZero: true, allowNegative: true })
  grantDifference: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class ListAccountsQuery {
  /** only accounts that existed in this fiscal year */
  @IsOptional()
  @IsFiscalYear()
  year?: number;
}
