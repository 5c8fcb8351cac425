import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { recordOperatorEntry } from '../../../app/consignments/settlements';

export class OperatorEntryBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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

export default route<OperatorEntryBody>({
  id: 'operator-entries.create',
  method: 'post',
  path: '/operator-entries',
  summary: "Record the operator's spending (against a plan category) or interest earned",
  roles: LEDGER_WRITERS,
  body: OperatorEntryBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await recordOperatorEntry(ds, ctx, body) }),
});
