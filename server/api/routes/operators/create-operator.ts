import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { createOperator } from '../../../app/consignments/consignments';

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

export default route<CreateOperatorBody>({
  id: 'operators.create',
  method: 'post',
  path: '/operators',
  summary: 'Register an operator (수탁기관: name, registration number, representative)',
  roles: ['budget_officer', 'admin'],
  body: CreateOperatorBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createOperator(ds, ctx, body) }),
});
