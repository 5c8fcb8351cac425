import type { DataSource, EntityManager } from 'typeorm';
import type { Program } from '../../../entities/program';
import { assertNewProgramCode } from '../../../domain/reference';
import { legacyCategoryOf } from '../../../domain/accounts';
import { resolveWriteAccount } from '../accounts/accounts';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { findProgramByCode, insertProgram } from '../../store/programs/programs';
import type { CreateProgramBody } from './requests';

/** Adds a program (정책사업, 단위사업 or 기본경비) with a stable code. */
export async function createProgram(ds: DataSource, ctx: RequestContext, input: CreateProgramBody, em?: EntityManager): Promise<Program> {
  return within(ds, em, async (tx) => {
    assertNewProgramCode(await findProgramByCode(tx, input.code), input.code);
    const account = await resolveWriteAccount(tx, ctx, input.accountCode, input.account);
    const program = await insertProgram(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      account: legacyCategoryOf(account.kind),
      accountId: account.id,
    });
    await audit(tx, ctx, { action: 'program.create', entity: 'program', entityId: program.id, after: program });
    return program;
  });
}
