import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Unit } from '../../../domain/money';
import { IsCalendarDate, IsFiscalYear } from '../../requests/validators';

/** The parameters of a report (GET /api/reports/:name and the report pages): the format and what the report is of. */
export class ReportQuery {
  @IsOptional()
  @IsIn(['xlsx', 'pdf', 'json'])
  format?: 'xlsx' | 'pdf' | 'json';

  @IsOptional()
  @IsFiscalYear()
  year?: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  consignment?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  /** account (회계) code or exact name: only its rows */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  account?: string;

  /** 'account': rows grouped by account with a subtotal each */
  @IsOptional()
  @IsIn(['account'])
  groupBy?: 'account';

  /** 원 · 천원 · 백만원 · 억원 (default: what the report's document prints) */
  @IsOptional()
  @IsIn(['won', 'thousand', 'million', 'hundred-million'])
  unit?: Unit;

  /** decimals of printed rates, 0–3 (default: what the report's document prints) */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  rateDecimals?: number;
}
