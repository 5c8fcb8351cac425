import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { submitSettlement } from '../../../app/consignments/settlements';

export class SubmitSettlementBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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

export default route<SubmitSettlementBody>({
  id: 'consignment-settlements.submit',
  method: 'post',
  path: '/consignment-settlements',
  summary: 'Submit the year-end settlement: 반납액 = 교부액 + 이자 − 집행액, categories against the plan, overspending flagged',
  roles: LEDGER_WRITERS,
  body: SubmitSettlementBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await submitSettlement(ds, ctx, body) }),
});
