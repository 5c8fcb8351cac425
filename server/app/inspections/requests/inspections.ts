import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsDecimalText, IsFiscalYear, IsOmittable } from '../../../requests/validators';
import { MultiLine } from '../../../requests/text';
import {
  DISCLOSURE_CLASSES,
  DisclosureClass,
  EXTERNAL_SOURCE_KINDS,
  ExternalSourceKind,
  FINDING_KINDS,
  FindingKind,
} from '../../../../entities/inspection';
import type { CriterionFigures } from '../../../../domain/inspection-criteria';

/** Figures for a measurable criterion, as decimal text: numerator + denominator, or the value itself. */
export class FiguresBody {
  @IsOptional()
  @IsDecimalText()
  numerator?: string;

  @IsOptional()
  @IsDecimalText()
  denominator?: string;

  @IsOptional()
  @IsDecimalText()
  value?: string;
}

export class ItemResultBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  itemCode: string;

  /** one of the item's rating labels (적정 / 일부 미흡 / 부적정 / 해당없음 …); omitted with figures: the system's judgement */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  rating?: string;

  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  notes?: string;

  /** evidence references: document numbers, file names */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  evidence?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => FiguresBody)
  figures?: FiguresBody;
}

export class FindingBody {
  /** correction 시정 · caution 주의 · improvement 개선 · recommendation 권고 */
  @IsIn(FINDING_KINDS)
  kind: FindingKind;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  itemCode?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  detail?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  requiredAction: string;

  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  /** the same finding in an earlier inspection of this consignment */
  @IsOptional()
  @IsInt()
  @Min(1)
  repeatOfFindingId?: number;

  /** an earlier occurrence outside the inspections: evaluation 종합성과평가 · audit 감사 · inspection (paper records) */
  @IsOptional()
  @IsIn(EXTERNAL_SOURCE_KINDS)
  priorSourceKind?: ExternalSourceKind;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  priorSourceRef?: string;

  @IsOptional()
  @IsCalendarDate()
  priorSourceDate?: string;

  /** why this occurrence does not count as uncorrected without cause */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  justifiedCause?: string;
}

export class InspectionFieldsBody {
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(12)
  round?: number;

  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @IsOptional()
  @IsCalendarDate()
  plannedDate?: string;

  @IsOptional()
  @IsCalendarDate()
  actualDate?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  postponementReason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  method?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  periodNote?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;

  /** public 공개 · partial 부분공개 · private 비공개 */
  @IsOmittable()
  @IsIn(DISCLOSURE_CLASSES)
  disclosure?: DisclosureClass;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  disclosureNote?: string;

  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  summary?: string;

  /** 개선 및 건의사항, one per line */
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  improvements?: string;

  /** 조치사항, one per line */
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  actionsTaken?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => ItemResultBody)
  results?: ItemResultBody[];
}

export class CreateInspectionBody extends InspectionFieldsBody {
  @IsOptional()
  @IsInt()
  @Min(1)
  consignmentId?: number;

  /** consignment code or exact name, instead of consignmentId */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  consignmentCode?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  templateVersionId?: number;

  /** template code: files against its latest version */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  templateCode?: string;

  @IsFiscalYear()
  fiscalYear: number;

  /** who inspected, e.g. "소비자보호팀 2인(담당자 외 1인)" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  inspectors: string;

  @IsCalendarDate()
  periodFrom: string;

  @IsCalendarDate()
  periodTo: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FindingBody)
  findings?: FindingBody[];
}

export class UpdateInspectionBody extends InspectionFieldsBody {
  @IsOmittable()
  @IsFiscalYear()
  fiscalYear?: number;

  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  inspectors?: string;

  @IsOmittable()
  @IsCalendarDate()
  periodFrom?: string;

  @IsOmittable()
  @IsCalendarDate()
  periodTo?: string;
}

export class StepBody {
  /** the day of the step (default today) */
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

/** submitted → approved; the filer approving their own inspection states why */
export class ApproveBody extends StepBody {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  selfApprovalReason?: string;
}

export class ReasonBody {
  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

// ---- the inputs the use cases take: the request classes above, as seeds and tests also build them ----

export interface ItemResultInput {
  itemCode: string;
  rating?: string | null;
  notes?: string | null;
  evidence?: string[];
  figures?: CriterionFigures | null;
}

export interface FindingInput {
  kind: FindingKind;
  itemCode?: string | null;
  title: string;
  detail?: string | null;
  requiredAction: string;
  dueDate?: string | null;
  /** id of the same finding in an earlier inspection of this consignment */
  repeatOfFindingId?: number | null;
  priorSourceKind?: ExternalSourceKind | null;
  priorSourceRef?: string | null;
  priorSourceDate?: string | null;
  justifiedCause?: string | null;
}

export interface InspectionFields {
  fiscalYear?: number;
  round?: number;
  title?: string;
  plannedDate?: string | null;
  actualDate?: string | null;
  postponementReason?: string | null;
  inspectors?: string;
  periodFrom?: string;
  periodTo?: string;
  periodNote?: string | null;
  method?: string | null;
  documentNumber?: string | null;
  disclosure?: DisclosureClass;
  disclosureNote?: string | null;
  summary?: string | null;
  improvements?: string | null;
  actionsTaken?: string | null;
}

export interface NewInspectionInput extends InspectionFields {
  consignmentId?: number;
  consignmentCode?: string;
  templateVersionId?: number;
  templateCode?: string;
  fiscalYear: number;
  inspectors: string;
  periodFrom: string;
  periodTo: string;
  results?: ItemResultInput[];
  findings?: FindingInput[];
}

export interface InspectionPatch extends InspectionFields {
  results?: ItemResultInput[];
}
