import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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
}
