import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { OrgLevel } from '../../../entities/org-unit';
import type { Account, ProgramKind } from '../../../entities/program';
import { PageQuery } from '../../requests/pagination';
import { IsCalendarDate, IsDecimalText, IsFiscalYear, IsWon } from '../../requests/validators';

/**
 * The requests of the reference data (organisation units, programs, program-years, appropriations):
 * the API and the pages validate with these classes, and the use cases take them. Optional fields
 * also accept null from callers inside the server (seeds, the import), meaning "not given".
 */

export class CreateOrgUnitBody {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @IsIn(['city', 'bureau', 'department', 'team'])
  level: OrgLevel;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  parentCode?: string | null;

  @IsCalendarDate()
  validFrom: string;

  @IsOptional()
  @IsCalendarDate()
  validTo?: string | null;
}

export class ListOrgUnitsQuery extends PageQuery {
  /** only units that existed in this fiscal year */
  @IsOptional()
  @IsFiscalYear()
  year?: number;
}

export class CreateProgramBody {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsIn(['policy', 'unit', 'basic'])
  kind: ProgramKind;

  /** the named account (회계): its code or exact name (일반회계, 주차장특별회계 …) */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  accountCode?: string | null;

  /**
   * Legacy category (general/special/fund), used only when accountCode is not given: the program goes
   * to the first account of that kind. With accountCode it is derived from the account's kind.
   */
  @IsOptional()
  @IsIn(['general', 'special', 'fund'])
  account?: Account | null;
}

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
  parentProgramCode?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  @IsOptional()
  @IsWon({ allowZero: true })
  priorYearBasis?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class ListProgramYearsQuery extends PageQuery {
  @IsFiscalYear()
  year: number;

  /** department or bureau code (or exact Korean name) */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;
}

/** A line of the calculation basis (산출근거): unit amount × quantity × multiplier = amount, or a heading over children. */
export class BasisLineBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description: string;

  @IsOptional()
  @IsWon()
  unitAmount?: number | null;

  @IsOptional()
  @IsDecimalText()
  quantity?: string | null;

  @IsOptional()
  @IsDecimalText()
  multiplier?: string | null;

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
  note?: string | null;
}
