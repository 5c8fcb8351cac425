import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { RenewalFactKind } from '../../../../entities/evaluation-renewal';
import { IsCalendarDate, IsConsignmentRef, IsDecimalText } from '../../../requests/validators';
import { MultiLine } from '../../../requests/text';

/** What recordRenewalFact takes: RenewalFactBody, or the same shape from a seed. */
export interface RenewalFactInput {
  consignment: string;
  contractTermId?: number | null;
  kind: RenewalFactKind;
  factDate: string;
  score?: string | null;
  description: string;
  decision?: string | null;
  committeeRelevant?: boolean | null;
  committeeDecidedOn?: string | null;
  reference?: string | null;
}

/** What recordRenewalDecision takes: RenewalDecisionBody, or the same shape from a seed. */
export interface RenewalDecisionInput {
  consignment: string;
  contractTermId: number;
  decidedOn: string;
  decision: 'renewal' | 'retender';
  reason: string;
  reference?: string | null;
}

export class RenewalFactBody implements RenewalFactInput {
  @IsConsignmentRef()
  consignment: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  contractTermId?: number;

  /** selection_score ② · misconduct ④ · audit_sanction ⑤ */
  @IsIn(['selection_score', 'misconduct', 'audit_sanction'])
  kind: 'selection_score' | 'misconduct' | 'audit_sanction';

  @IsCalendarDate()
  factDate: string;

  /** selection_score only */
  @IsOptional()
  @IsDecimalText()
  score?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  /** the decision (처분·처벌·제재); required for misconduct and audit sanctions */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  decision?: string;

  /** audit_sanction only: the evaluation committee judged a sanction necessary */
  @IsOptional()
  @IsBoolean()
  committeeRelevant?: boolean;

  @IsOptional()
  @IsCalendarDate()
  committeeDecidedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class RenewalDecisionBody implements RenewalDecisionInput {
  @IsConsignmentRef()
  consignment: string;

  /** the term whose end the decision is about */
  @IsInt()
  @Min(1)
  contractTermId: number;

  @IsCalendarDate()
  decidedOn: string;

  /** renewal 재계약 · retender 재위탁(공개모집) */
  @IsIn(['renewal', 'retender'])
  decision: 'renewal' | 'retender';

  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class VerdictQuery {
  /** consignment code or exact Korean name */
  @IsConsignmentRef()
  consignment: string;

  /** the term whose end is judged; default the latest evaluated term */
  @IsOptional()
  @IsInt()
  @Min(1)
  contractTermId?: number;

  /** judge with the facts known on this day (default today) */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
