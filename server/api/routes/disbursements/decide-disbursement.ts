import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { decideDisbursement } from '../../../app/grants/grants';
import { idParam } from '../../../http/params';

export class DecisionBody {
  @IsCalendarDate()
  decidedOn: string;

  @IsBoolean()
  approve: boolean;

  /** the decided amount when less than requested */
  @IsOptional()
  @IsWon()
  amount?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export default route<DecisionBody>({
  id: 'disbursements.decide',
  method: 'post',
  path: '/disbursements/:id/decision',
  summary: '교부결정: approve (all or part) or reject a request',
  roles: LEDGER_WRITERS,
  body: DecisionBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await decideDisbursement(ds, ctx, idParam(params.id), body) }),
});
