import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { addContractTerm, recordConsent, recordStaff } from '../../../app/consignments/consignments';

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

export const term = route<ContractTermBody>({
  id: 'consignments.add-term',
  method: 'post',
  path: '/consignments/:ref/contract-terms',
  summary: 'Add a contract term (period, operator, selection method, renewal count, evaluation score)',
  roles: LEDGER_WRITERS,
  body: ContractTermBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await addContractTerm(ds, ctx, params.ref, body) }),
});

export const consent = route<ConsentBody>({
  id: 'consignments.add-consent',
  method: 'post',
  path: '/consignments/:ref/consents',
  summary: 'Record a council-consent bill (동의안: bill number, submitted, referred, decided, result)',
  roles: LEDGER_WRITERS,
  body: ConsentBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await recordConsent(ds, ctx, params.ref, body) }),
});

export const staff = route<StaffBody>({
  id: 'consignments.add-staff',
  method: 'post',
  path: '/consignments/:ref/staff',
  summary: 'Record the staff headcount (근무 인원) of a year',
  roles: LEDGER_WRITERS,
  body: StaffBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await recordStaff(ds, ctx, params.ref, body) }),
});
