import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reverseDisbursement } from '../../../app/grants/grants';
import { idParam } from '../../../http/params';

export class ReverseDisbursementBody {
  /** 교부 취소일: in the grant's fiscal year, not before it was paid */
  @IsCalendarDate()
  reversedOn: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export default route<ReverseDisbursementBody>({
  id: 'disbursements.reverse',
  method: 'post',
  path: '/disbursements/:id/reversal',
  summary:
    '교부 취소: correct a paid grant by its reversal (negative amounts naming it); the paid total and the ledger 집행 move back with it',
  roles: LEDGER_WRITERS,
  body: ReverseDisbursementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await reverseDisbursement(ds, ctx, idParam(params.id), body) }),
});
