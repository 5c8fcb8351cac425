import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { RevenueEntryKind } from '../../../entities/revenue';
import { IsCalendarDate, IsFiscalYear, IsWon } from '../../requests/validators';

/** The requests of revenue (세입): lines and their entries. The API validates with these; the use cases take them. */

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
  parentCode?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  /** the account (회계, code or exact name); by default the parent line's, else 일반회계 */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  accountCode?: string | null;

  /** 예산액 */
  @IsWon({ allowZero: true })
  budget: number;

  /** 예산현액 */
  @IsWon({ allowZero: true })
  currentBudget: number;
}

export class PostRevenueEntryBody {
  @IsIn(['assessed', 'collected', 'written_off', 'refunded'])
  kind: RevenueEntryKind;

  @IsWon()
  amount: number;

  @IsCalendarDate()
  entryDate: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class ListRevenueQuery {
  @IsFiscalYear()
  year: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;
}
