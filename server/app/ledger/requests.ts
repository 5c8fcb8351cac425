import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ENTRY_KINDS, EntryKind } from '../../../entities/ledger-entry';
import type { ReportStatus } from '../../../domain/transfer-deadline';
import { PageQuery } from '../../requests/pagination';
import { IsCalendarDate, IsFiscalYear, IsWon } from '../../requests/validators';
import { LedgerEntryFields } from './entry-fields';

/** POST /ledger-entries, and the ledger page's entry form. */
export class CreateEntryBody extends LedgerEntryFields {
  @IsInt()
  @Min(1)
  programYearId: number;
}

/** POST /ledger-entries/:id/reversal, and the reversal form beside an entry. */
export class ReverseEntryBody {
  @IsCalendarDate()
  entryDate: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** POST /transfers: 전용 · 이용 · 이체. */
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

/** POST /transfers/:id/reversal, and the reversal form beside a transfer's entry. */
export class ReverseTransferBody {
  /** the day the transfer is undone, in its fiscal year, not before the transfer */
  @IsCalendarDate()
  transferDate: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** POST /transfers/:id/committee-report. */
export class CommitteeReportBody {
  @IsCalendarDate()
  reportedOn: string;
}

/** POST /fiscal-years. */
export class OpenFiscalYearBody {
  @IsFiscalYear()
  year: number;
}

/** GET /ledger-entries. */
export class ListEntriesQuery extends PageQuery {
  @IsOptional()
  @IsFiscalYear()
  year?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  programYearId?: number;

  @IsOptional()
  @IsIn(ENTRY_KINDS)
  kind?: EntryKind;
}

/** GET /transfers. */
export class ListTransfersQuery extends PageQuery {
  @IsFiscalYear()
  year: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @IsOptional()
  @IsIn(['item', 'program', 'org'])
  kind?: 'item' | 'program' | 'org';

  /** judge "overdue" as of this day (default today) */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  /** e.g. unreported_overdue: the 전용 still unreported after their deadline */
  @IsOptional()
  @IsIn(['reported', 'reported_late', 'unreported', 'unreported_overdue'])
  status?: ReportStatus;
}

/** GET /ledger/settlement. */
export class SettlementQuery {
  @IsFiscalYear()
  year: number;

  /** bureau or department code, or its exact Korean name */
  @IsString()
  @MaxLength(100)
  org: string;

  /** account (회계) code or exact name: only its programs */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  account?: string;
}
