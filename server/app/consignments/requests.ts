/**
 * The request classes of consignments, their operators, records, operator entries and settlements:
 * what the API validates and what the web forms are read into (formBody), one validation path per write.
 */
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, IsConsignmentRef, IsFiscalYear, IsWon } from '../../requests/validators';

export class CreateConsignmentBody {
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** office 사무형 · facility 시설형 */
  @IsIn(['office', 'facility'])
  consignmentType: 'office' | 'facility';

  /** budget 예산지원형 · self 자립형 */
  @IsIn(['budget', 'self'])
  fundingType: 'budget' | 'self';

  @IsOptional()
  @IsString()
  @MaxLength(500)
  legalBasis?: string;

  /** owning department: code or exact Korean name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  orgCode: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  programCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  expenseItem?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ContractTermBody {
  /** operator id or exact name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  operator: string;

  @IsCalendarDate()
  startDate: string;

  @IsCalendarDate()
  endDate: string;

  /** open 공개모집 · renewal 재계약 · retender 재위탁(공모) */
  @IsIn(['open', 'renewal', 'retender'])
  selectionMethod: 'open' | 'renewal' | 'retender';

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  renewalCount?: number;

  /** 종합성과평가 score as recorded, e.g. "83.4" */
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/)
  recordedScore?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  evaluatedBy?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  periodLabel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ConsentBody {
  /** new 신규 · change 중요내용 변경 · reconsignment 재위탁 */
  @IsIn(['new', 'change', 'reconsignment'])
  kind: 'new' | 'change' | 'reconsignment';

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  billNumber: string;

  /** start date of the contract term the consent is for */
  @IsOptional()
  @IsCalendarDate()
  contractTermStart?: string;

  @IsOptional()
  @IsCalendarDate()
  submittedOn?: string;

  @IsOptional()
  @IsCalendarDate()
  referredOn?: string;

  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string;

  @IsOptional()
  @IsIn(['pending', 'approved', 'amended', 'rejected'])
  result?: 'pending' | 'approved' | 'amended' | 'rejected';

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class StaffBody {
  @IsFiscalYear()
  year: number;

  @IsInt()
  @Min(0)
  @Max(100000)
  headcount: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CreateOperatorBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** 법인등록번호 or 사업자등록번호 */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  registrationNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  representative?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class OperatorEntryBody {
  @IsConsignmentRef()
  consignment: string;

  @IsFiscalYear()
  fiscalYear: number;

  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  /** spending 수탁기관 집행 · interest 이자 발생 */
  @IsIn(['spending', 'interest'])
  kind: 'spending' | 'interest';

  /** plan category (spending only), e.g. personnel, project.monitoring, operating */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  categoryCode?: string;

  /** signed won; a correction is negative and needs a note */
  @IsWon({ allowNegative: true })
  amount: number;

  @IsCalendarDate()
  entryDate: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class SubmitSettlementBody {
  @IsConsignmentRef()
  consignment: string;

  @IsFiscalYear()
  fiscalYear: number;

  @IsCalendarDate()
  submittedOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReviewSettlementBody {
  @IsCalendarDate()
  reviewedOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ConfirmSettlementBody {
  @IsCalendarDate()
  confirmedOn: string;

  /** date of the 지출반납 in the ledger (within the fiscal year); default the confirmation date or 31 Dec */
  @IsOptional()
  @IsCalendarDate()
  returnDate?: string;
}
