import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../requests/validators';

/** open → action_reported */
export class ActionReportBody {
  @IsCalendarDate()
  reportedOn: string;

  /** the corrective action as the operator reported it */
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  actionReport: string;
}

/** action_reported → verified */
export class VerifyBody {
  @IsCalendarDate()
  verifiedOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
