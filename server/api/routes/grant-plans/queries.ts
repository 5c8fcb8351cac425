import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsFiscalYear } from '../../../app/validators';

export class ConsignmentYearQuery {
  /** consignment id, code or exact Korean name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  @IsOptional()
  @IsFiscalYear()
  year?: number;
}
