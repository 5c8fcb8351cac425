import { expect } from 'chai';
import { AuditRecord } from '../../entities/audit-record';
import { Consignment } from '../../entities/consignment';
import { Disbursement } from '../../entities/consignment-disbursement';
import { GrantPlan } from '../../entities/consignment-grant-plan';
import { ProgramYear } from '../../entities/program-year';
import { User } from '../../entities/user';
import { systemContext } from '../../server/context';
import { leanFind, leanFindOne, leanInsert, leanUpdate } from '../../server/db/lean';
import { inTransaction, isMysql, transactionLocal } from '../../server/db/transaction';
import { audit } from '../../server/store/audit';
import { assertYearOpen, closeYear, openYear } from '../../server/app/ledger/fiscal-years';
import { DomainError } from '../../domain/errors';
import { runSeedSteps } from '../../seeds/run-steps';
import { freshDatabase, TestDb } from '../support/db';

/**
 * The payment's hot path reads and writes through server/db/lean.ts instead of TypeORM's
 * repository. What it reads and writes must be exactly what the repository would: same values,
 * same types (dates as text, won as numbers, booleans, timestamps), on SQLite and MariaDB alike.
 */
describe('lean statements and transactions', function () {
  let db: TestDb;
  before(async () => {
    db = await freshDatabase();
    await runSeedSteps(
      db.ds,
      () => undefined,
      (f) => /^(010|020|040|090)-/.test(f),
    );
  });
  after(() => db.drop());

  it('reads rows exactly as the repository does (seeded consignments, plans, program-years, users)', async () => {
    const em = db.ds.manager;
    for (const [entity, where] of [
      [Consignment, { code: 'EC-C01' }],
      [GrantPlan, { status: 'approved' }],
      [ProgramYear, { fiscalYear: 2025 }],
      [User, { active: true }],
    ] as const) {
      const viaRepo = await em.getRepository(entity).find({ where: where as never, order: { id: 'ASC' } as never });
      const viaLean = await leanFind(em, entity, where as never, { order: [['id' as never, 'ASC']] });
      expect(viaRepo.length, entity.name).to.be.greaterThan(0);
      expect(viaLean, entity.name).to.deep.equal(viaRepo);
      expect(viaLean[0]).to.be.instanceOf(entity);
    }
  });

  it('writes rows the repository reads back unchanged, and updates only the columns named', async () => {
    const em = db.ds.manager;
    const c = (await leanFindOne(em, Consignment, { code: 'EC-C01' }))!;
    const createdAt = new Date('2025-10-02T03:04:05.678Z');
    const values = {
      consignmentId: c.id,
      fiscalYear: 2025,
      quarter: 2,
      status: 'requested' as const,
      requestedOn: '2025-04-01',
      requestedAmount: 123_456_789_012,
      decidedOn: null,
      decidedAmount: null,
      paidOn: null,
      paidAmount: null,
      lumpSum: true,
      lumpSumReason: '사유',
      grantPlanId: null,
      ledgerEntryId: null,
      note: null,
      sample: false,
      createdById: null,
      createdAt,
    };
    const id = await leanInsert(em, Disbursement, values);
    expect(await em.getRepository(Disbursement).findOneByOrFail({ id })).to.deep.include({ id, ...values });
    await leanUpdate(em, Disbursement, id, { status: 'decided', decidedOn: '2025-04-02', decidedAmount: 5 });
    expect(await em.getRepository(Disbursement).findOneByOrFail({ id })).to.deep.include({
      ...values,
      status: 'decided',
      decidedOn: '2025-04-02',
      decidedAmount: 5,
    });
    expect(await leanFindOne(em, Disbursement, { id, lumpSumReason: null })).to.equal(null);
    // an undefined condition is a bug in the caller, not "any row"
    const err = await leanFindOne(em, Disbursement, { id: undefined }).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).to.contain('undefined');
  });

  it("writes a transaction's audit records together at its commit, and none when it rolls back", async () => {
    const ctx = systemContext('lean-test');
    const count = () => db.ds.getRepository(AuditRecord).countBy({ requestId: ctx.requestId });
    const before = await count();
    let seenInside = -1;
    await inTransaction(db.ds, async (em) => {
      for (let i = 0; i < 250; i++) await audit(em, ctx, { action: 'test.batch', entity: 'test', entityId: i, after: { i } });
      seenInside = await em.getRepository(AuditRecord).countBy({ requestId: ctx.requestId });
    });
    expect(seenInside, 'held until the commit').to.equal(before);
    expect(await count(), 'all 250, in chunks of 100').to.equal(before + 250);
    const written = await db.ds
      .getRepository(AuditRecord)
      .find({ where: { requestId: ctx.requestId, action: 'test.batch' }, order: { id: 'ASC' } });
    expect(written.map((r) => Number(r.entityId))).to.deep.equal([...Array(250).keys()]);

    await inTransaction(db.ds, async (em) => {
      await audit(em, ctx, { action: 'test.rolled_back', entity: 'test', entityId: 1 });
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await count()).to.equal(before + 250);
    // the next transaction starts with nothing left over from the failed one
    await inTransaction(db.ds, (em) => audit(em, ctx, { action: 'test.after', entity: 'test', entityId: 2 }));
    expect(await db.ds.getRepository(AuditRecord).countBy({ requestId: ctx.requestId, action: 'test.rolled_back' })).to.equal(0);
    expect(await db.ds.getRepository(AuditRecord).countBy({ requestId: ctx.requestId, action: 'test.after' })).to.equal(1);
  });

  it('outside a transaction an audit record is written at once; transaction-local values end with their transaction', async () => {
    const ctx = systemContext('lean-test-direct');
    await audit(db.ds.manager, ctx, { action: 'test.direct', entity: 'test', entityId: 3 });
    expect(await db.ds.getRepository(AuditRecord).countBy({ requestId: ctx.requestId })).to.equal(1);
    const key = Symbol('test');
    expect(transactionLocal(db.ds.manager, key, () => 1)).to.equal(undefined);
    const seen: number[] = [];
    let n = 0;
    for (let i = 0; i < 2; i++) {
      await inTransaction(db.ds, async (em) => {
        seen.push(
          transactionLocal(em, key, () => ++n)!,
          transactionLocal(em, key, () => ++n)!,
        );
      });
    }
    expect(seen).to.deep.equal([1, 1, 2, 2]);
  });

  it('closing a fiscal year waits for the writes in flight; every write after it is refused', async () => {
    const ctx = systemContext('close-test');
    await openYear(db.ds, ctx, 2031);
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    const write = inTransaction(db.ds, async (em) => {
      await assertYearOpen(em, 2031);
      entered();
      await hold;
    });
    await inFlight;
    let closed = false;
    const close = closeYear(db.ds, ctx, 2031).then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed, 'the close waits for the write that found the year open').to.equal(false);
    release();
    await write;
    await close;
    expect(closed).to.equal(true);
    const refused = await inTransaction(db.ds, (em) => assertYearOpen(em, 2031)).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).to.be.instanceOf(DomainError);
    expect((refused as DomainError).code).to.equal('fiscal_year_closed');
  });

  it('on MariaDB every transaction runs at READ COMMITTED and locks with FOR UPDATE', async function () {
    if (!isMysql(db.ds)) this.skip();
    // concurrent transactions, so that several pooled connections are used, some of them twice
    const levels: string[] = [];
    const connections = new Set<number>();
    for (let round = 0; round < 2; round++) {
      await Promise.all(
        Array.from({ length: 4 }, () =>
          inTransaction(db.ds, async (em) => {
            const [row] = (await em.query('SELECT @@tx_isolation AS level, CONNECTION_ID() AS connection, SLEEP(0.05) AS slept')) as {
              level: string;
              connection: number;
            }[];
            levels.push(row.level);
            connections.add(Number(row.connection));
            expect(await leanFindOne(em, ProgramYear, { fiscalYear: 2025 }, { lock: true })).to.be.instanceOf(ProgramYear);
          }),
        ),
      );
    }
    expect(connections.size).to.be.greaterThan(1);
    expect(levels).to.deep.equal(Array(8).fill('READ-COMMITTED'));
  });
});
