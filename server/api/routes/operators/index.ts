import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Operator } from '../../../../entities/consignment';
import { route } from '../../../http/route';
import { createOperator } from '../../../services/consignment-service';
import { EVERYONE } from '../../roles';

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

const list = route({
  id: 'operators.list',
  method: 'get',
  path: '/operators',
  summary: '수탁기관 (operators running consigned work)',
  roles: EVERYONE,
  handler: async ({ ds }) => ({ body: await ds.getRepository(Operator).find({ order: { name: 'ASC' } }) }),
});

const create = route<CreateOperatorBody>({
  id: 'operators.create',
  method: 'post',
  path: '/operators',
  summary: 'Register an operator (수탁기관: name, registration number, representative)',
  roles: ['budget_officer', 'admin'],
  body: CreateOperatorBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createOperator(ds, ctx, body) }),
});

export default [list, create];
