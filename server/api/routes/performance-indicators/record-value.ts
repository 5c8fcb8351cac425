import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsDecimalText, IsFiscalYear } from '../../../app/validators';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { recordIndicatorValue } from '../../../app/evaluations/indicators';
import { idParam } from '../../../http/params';

export class IndicatorValueBody {
  @IsFiscalYear()
  year: number;

  /** last day the figures cover (default 31 Dec; an earlier day makes a partial-year actual, e.g. 2024-06-30) */
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  /** column heading, default "2022년" or "’24.6월" */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  periodLabel?: string;

  /** 목표치 */
  @IsDecimalText()
  target: string;

  /** 실적치 */
  @IsOptional()
  @IsDecimalText()
  actual?: string;

  /** a correction names the value it replaces */
  @IsOptional()
  @IsInt()
  @Min(1)
  supersedesId?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export default route<IndicatorValueBody>({
  id: 'performance-indicators.record-value',
  method: 'post',
  path: '/performance-indicators/:id/values',
  summary: 'Record the target and actual of an indicator for a year or part of it; the achievement (달성도) is computed',
  roles: EVALUATION_WRITERS,
  body: IndicatorValueBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await recordIndicatorValue(ds, ctx, idParam(params.id), body) }),
});
