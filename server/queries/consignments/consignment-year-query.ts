import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The query of the consignment-year lists (grant plans, grants, operator entries, settlements). */
export class ConsignmentYearQuery {
  /** consignment id, code or exact Korean name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  // a fiscal year (server/app/validators IsFiscalYear: Min, Max, then IsInt)
  @IsOptional()
  @IsInt()
  @Max(2100)
  @Min(2000)
  year?: number;
}
