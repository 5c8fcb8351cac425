import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { createIndicator } from '../../../app/evaluations/indicators';

export class CreateIndicatorBody {
  /** consignment code or exact Korean name */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  /** 전략목표 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  strategicGoal: string;

  /** 전략과제 (세부사업) */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  task: string;

  /** 성과지표 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  /** 단위: %, 명, 회, 건 … */
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  /** true when a lower actual is better (achievement = target / actual × 100) */
  @IsOptional()
  @IsBoolean()
  lowerIsBetter?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  seq?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export default route<CreateIndicatorBody>({
  id: 'performance-indicators.create',
  method: 'post',
  path: '/performance-indicators',
  summary: 'Define a performance indicator (성과지표) of a consignment',
  roles: EVALUATION_WRITERS,
  body: CreateIndicatorBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createIndicator(ds, ctx, body) }),
});
