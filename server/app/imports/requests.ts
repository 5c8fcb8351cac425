import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsFiscalYear, IsWon } from '../../requests/validators';
import { LedgerEntryFields } from '../ledger/entry-fields';

/**
 * The rows of a bulk import, one class per sheet. The same classes validate a JSON import and the
 * cells of the .xlsx template, and the template's headers come from SHEETS (rows.ts).
 */
export class ProgramYearRow {
  @IsFiscalYear()
  fiscalYear: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  programCode: string;

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
}

export class AppropriationRow {
  @IsFiscalYear()
  fiscalYear: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  programCode: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  expenseItem: string;

  @IsWon({ allowZero: true })
  amount: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class EntryRow extends LedgerEntryFields {
  @IsFiscalYear()
  fiscalYear: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  programCode: string;
}

export interface ImportData {
  programYears?: ProgramYearRow[];
  appropriations?: AppropriationRow[];
  entries?: EntryRow[];
}
