import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { FINDING_KINDS, FindingKind } from '../../../../entities/inspection';
import { MultiLine } from '../../../requests/text';
import { IsCalendarDate } from '../../../requests/validators';

/** open / needs_more → action_reported: the text, and (multipart field "file") an attachment: PDF, PNG or JPEG */
export class ActionReportBody {
  @IsCalendarDate()
  reportedOn: string;

  /** the corrective action as the operator reported it */
  @MultiLine()
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

/** action_reported → needs_more (보완 요구): what the report still lacks */
export class RequestMoreBody {
  @IsCalendarDate()
  requestedOn: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;
}

/** verified → closed (종결) */
export class CloseFindingBody {
  @IsCalendarDate()
  closedOn: string;
}

/** A finding of a draft inspection as edited: the fields given change. */
export class EditFindingBody {
  @IsOptional()
  @IsIn(FINDING_KINDS)
  kind?: FindingKind;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  detail?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  requiredAction?: string;

  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}
