import { expect } from 'chai';
import { AuditRecord } from '../../entities/audit-record';
import { linkHash, contentDigest } from '../../domain/audit-chain';
import { systemContext } from '../../server/context';
import { createDisbursement } from '../../server/app/grants/disbursements';
import { verifyAuditChain } from '../../server/app/audit/verify-chain';
import { audit } from '../../server/store/audit';
import { beforeCommit, inTransaction } from '../../server/db/transaction';
import { runSeedSteps } from '../../seeds/run-steps';
import { AuditChain1763900806000 } from '../../migrations/1763900806000-AuditChain';
import { freshDatabase, TestDb } from '../support/db';
import { runScript, urlOf } from './support';

/**
 * The audit trail is a hash chain (domain/audit-chain.ts): every record names its predecessor's hash
 * and carries its own, and the head (audit_chain) moves with them. Editing, removing or slipping in a
 * record by SQL is caught at the first broken link, on SQLite and on MariaDB.
 */
describe('audit: the tamper-evident chain', function () {
  let db: TestDb;
  const esc = (s: string) => db.ds.driver.escape(s);
  const records = () => db.ds.getRepository(AuditRecord).find({ order: { id: 'ASC' } });

  before(async () => {
    db = await freshDatabase();
    await runSeedSteps(
      db.ds,
      () => undefined,
      (f) => /^(010|020|040|090)-/.test(f),
    );
  });
  after(() => db.drop());

  it('chains every record, also those of concurrent transactions, grouped payments and writes outside a transaction', async () => {
    const before = await db.ds.getRepository(AuditRecord).count();
    const ctx = (n: number) => systemContext(`chain-${n}`);
    const payments = Array.from({ length: 24 }, (_, n) =>
      createDisbursement(db.ds, ctx(n), {
        consignment: 'EC-C01',
        fiscalYear: 2025,
        quarter: 4,
        requestedOn: '2025-10-01',
        amount: 1000 + n,
        paidOn: '2025-10-02',
      }),
    );
    const transactions = Array.from({ length: 12 }, (_, n) =>
      inTransaction(db.ds, async (em) => {
        for (let i = 0; i < 3; i++)
          await audit(em, ctx(100 + n), { action: 'test.chain', entity: 'test', entityId: `${n}-${i}`, after: { n, i, 값: '민간위탁금' } });
      }),
    );
    const direct = Array.from({ length: 6 }, (_, n) =>
      audit(db.ds.manager, ctx(200 + n), { action: 'test.direct', entity: 'test', entityId: n }),
    );
    const rolledBack = inTransaction(db.ds, async (em) => {
      await audit(em, ctx(300), { action: 'test.rolled_back', entity: 'test', entityId: 1 });
      throw new Error('rolled back');
    }).catch((e: Error) => e.message);
    await Promise.all([...payments, ...transactions, ...direct]);
    expect(await rolledBack).to.equal('rolled back');

    const all = await records();
    expect(all.length).to.be.greaterThan(before + 24 * 2 + 36 + 6 - 1);
    expect(all.some((r) => r.action === 'test.rolled_back')).to.equal(false);
    const verdict = await verifyAuditChain(db.ds, { pageSize: 50 });
    expect(verdict.broken).to.equal(null);
    expect(verdict).to.include({ ok: true, checked: all.length });
    expect(verdict.head).to.deep.equal({ records: all.length, hash: all[all.length - 1].hash });
    // each record's hash is its predecessor's and its content's
    all.forEach((r, i) => {
      expect(r.prevHash).to.equal(i ? all[i - 1].hash : '0'.repeat(64));
      expect(r.hash).to.equal(linkHash(r.prevHash, contentDigest(r)));
    });
  });

  it("a record audited after the transaction's records went to the chain (from a later before-commit step) is chained too", async () => {
    const count = await db.ds.getRepository(AuditRecord).count();
    await inTransaction(db.ds, async (em) => {
      await audit(em, systemContext('late'), { action: 'test.first', entity: 'test', entityId: 1 });
      beforeCommit(em, () => audit(em, systemContext('late'), { action: 'test.late', entity: 'test', entityId: 2 }));
    });
    const late = await db.ds.getRepository(AuditRecord).find({ where: { requestId: 'late' }, order: { id: 'ASC' } });
    expect(late.map((r) => r.action)).to.deep.equal(['test.first', 'test.late']);
    expect(await verifyAuditChain(db.ds)).to.include({ ok: true, checked: count + 2 });
  });

  describe('a record changed in SQL is caught at the first broken link', () => {
    let chain: AuditRecord[];
    let anchor: { position: number; hash: string };
    beforeEach(async () => {
      chain = await records();
      anchor = { position: chain.length, hash: chain[chain.length - 1].hash };
      expect((await verifyAuditChain(db.ds)).ok).to.equal(true);
    });
    // every case puts the rows back as they were, and the chain is whole again
    afterEach(async () => {
      await db.ds.query(`DELETE FROM audit_records WHERE id > ?`, [chain[chain.length - 1].id]);
      const now = new Map((await records()).map((r) => [r.id, r]));
      for (const r of chain) if (!now.has(r.id)) await db.ds.getRepository(AuditRecord).insert(r);
      for (const r of chain) await db.ds.getRepository(AuditRecord).update(r.id, r);
      await db.ds.query(`UPDATE audit_chain SET records = ?, ${esc('hash')} = ? WHERE id = 1`, [
        chain.length,
        chain[chain.length - 1].hash,
      ]);
      expect(await verifyAuditChain(db.ds)).to.include({ ok: true, checked: chain.length });
    });
    const middle = () => chain[Math.floor(chain.length / 2)];
    const next = (r: AuditRecord) => chain[chain.indexOf(r) + 1];

    it('an edited amount: the record itself', async () => {
      const r = middle();
      await db.ds.query(`UPDATE audit_records SET ${esc('after')} = ? WHERE id = ?`, ['{"amount":1}', r.id]);
      const { ok, broken } = await verifyAuditChain(db.ds);
      expect(ok).to.equal(false);
      expect(broken).to.include({ kind: 'content', recordId: r.id, position: chain.indexOf(r) + 1 });
      expect(broken!.message).to.contain(`#${r.id}`);
    });

    it('an edited actor with its hash recomputed: the record after it', async () => {
      const r = middle();
      const forged = { ...r, actorName: 'someone else' };
      await db.ds.query(`UPDATE audit_records SET actor_name = ?, ${esc('hash')} = ? WHERE id = ?`, [
        forged.actorName,
        linkHash(r.prevHash, contentDigest(forged)),
        r.id,
      ]);
      const { broken } = await verifyAuditChain(db.ds);
      expect(broken).to.include({ kind: 'link', recordId: next(r).id });
    });

    it('a record removed from the middle: the record after the gap', async () => {
      const r = middle();
      await db.ds.query('DELETE FROM audit_records WHERE id = ?', [r.id]);
      expect((await verifyAuditChain(db.ds)).broken).to.include({ kind: 'link', recordId: next(r).id });
    });

    it('the last record removed: the head', async () => {
      await db.ds.query('DELETE FROM audit_records WHERE id = ?', [chain[chain.length - 1].id]);
      const { broken } = await verifyAuditChain(db.ds);
      expect(broken).to.include({ kind: 'head', recordId: null, position: chain.length });
      expect(broken!.message).to.contain('removed');
    });

    it('a record slipped in by hand: that record', async () => {
      await db.ds.query('INSERT INTO audit_records (at, actor_name, action, entity, entity_id) VALUES (?, ?, ?, ?, ?)', [
        '2026-01-01 00:00:00.000',
        'admin',
        'web.login',
        'user',
        '1',
      ]);
      const [{ id }] = (await db.ds.query('SELECT MAX(id) AS id FROM audit_records')) as { id: number }[];
      expect((await verifyAuditChain(db.ds)).broken).to.include({ kind: 'unsealed', recordId: Number(id) });
    });

    it('the end of the chain rewritten with every hash and the head: only an anchor kept from before shows it', async () => {
      const last = chain[chain.length - 1];
      const forged = { ...last, after: '{"amount":1}' };
      const hash = linkHash(last.prevHash, contentDigest(forged));
      await db.ds.query(`UPDATE audit_records SET ${esc('after')} = ?, ${esc('hash')} = ? WHERE id = ?`, [forged.after, hash, last.id]);
      await db.ds.query(`UPDATE audit_chain SET ${esc('hash')} = ? WHERE id = 1`, [hash]);
      expect((await verifyAuditChain(db.ds)).ok, 'an unkeyed chain rewritten whole is consistent').to.equal(true);
      expect((await verifyAuditChain(db.ds, { anchor })).broken).to.include({ kind: 'anchor', recordId: last.id });
    });

    it('npm run verify-audit names the record and exits 1; 0 on a whole chain', async () => {
      const url = urlOf(db.ds);
      const whole = await runScript('verify-audit.ts', [], url);
      expect(whole.code, whole.out).to.equal(0);
      expect(whole.out).to.contain(`audit chain intact: ${chain.length} records; anchor ${anchor.position}:${anchor.hash}`);
      const r = middle();
      await db.ds.query(`UPDATE audit_records SET actor_id = ? WHERE id = ?`, [999, r.id]);
      const broken = await runScript('verify-audit.ts', [], url);
      expect(broken.code, broken.out).to.equal(1);
      expect(broken.out).to.contain(`audit chain BROKEN at record #${r.id}`);
    });
  });

  it('the migration seals the records written before it, with the hashes the live chain gave them', async () => {
    const chained = await records();
    const migration = new AuditChain1763900806000();
    const qr = db.ds.createQueryRunner();
    try {
      await migration.down(qr);
      await migration.up(qr);
    } finally {
      await qr.release();
    }
    const sealed = await records();
    expect(sealed.map((r) => [r.id, r.prevHash, r.hash])).to.deep.equal(chained.map((r) => [r.id, r.prevHash, r.hash]));
    expect(await verifyAuditChain(db.ds)).to.include({ ok: true, checked: chained.length });
    // and the chain goes on from there
    await inTransaction(db.ds, (em) => audit(em, systemContext('after-seal'), { action: 'test.after_seal', entity: 'test', entityId: 1 }));
    expect(await verifyAuditChain(db.ds)).to.include({ ok: true, checked: chained.length + 1 });
  });
});
