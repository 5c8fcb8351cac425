import { expect } from 'chai';
import { IsNull, MoreThan } from 'typeorm';
import { AuditRecord } from '../../entities/audit-record';
import { Disbursement } from '../../entities/consignment-disbursement';
import { IdempotencyRecord } from '../../entities/idempotency-record';
import { LedgerEntry } from '../../entities/ledger-entry';
import { totalsDrift } from '../../server/store/ledger/running-totals';
import { testApp, TestApp } from '../support/app';
import { dbUrlOf, ServerProcess, startServer } from '../support/server-process';
import { freshProgramYear } from '../ledger/fixtures';

/**
 * The server as a child process (server/main.ts), killed with SIGKILL in the middle of a burst of
 * keyed writes — grant payments carried by group commit and ledger entries each in its own
 * transaction — and started again. Every key's retry gets the answer that was committed, or runs
 * the work once; nothing is written twice, no record is left without its answer, the running totals
 * equal their rows and every entry has its audit record. Then SIGTERM during another burst: the
 * requests in flight are answered before the process exits, and what was answered is what was written.
 */
interface Keyed {
  key: string;
  path: string;
  body: Record<string, unknown>;
  kind: 'payment' | 'entry';
  amount: number;
}

interface Answer {
  status: number;
  body: unknown;
  replayed: boolean;
}

async function send(port: number, token: string, r: Keyed): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/api${r.path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': r.key },
    body: JSON.stringify(r.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, replayed: res.headers.get('idempotent-replayed') === 'true' };
}

describe('crash: SIGKILL during keyed writes, restart, retry every key', function () {
  this.timeout(180_000);
  let t: TestApp;
  let server: ServerProcess | undefined;
  let py: { id: number; item: string };
  let url: string;
  const run = `${process.pid}-${Date.now()}`;

  before(async () => {
    t = await testApp();
    py = await freshProgramYear(t, { amount: 1_000_000_000_000 });
    url = dbUrlOf(t.ds);
  });
  after(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await t?.close();
  });

  // amounts identify each request's rows; payments stay far inside the plan of quarter 4
  const requests = (prefix: string, n: number, base: number, kinds: Keyed['kind'][]): Keyed[] =>
    Array.from({ length: n }, (_, i) => {
      const kind = kinds[i % kinds.length];
      const amount = base + i;
      const key = `${prefix}-${run}-${i}`;
      return kind === 'payment'
        ? {
            key,
            kind,
            amount,
            path: '/disbursements',
            body: { consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount, paidOn: '2025-10-02' },
          }
        : {
            key,
            kind,
            amount,
            path: '/ledger-entries',
            body: { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount, entryDate: '2025-05-02' },
          };
    });

  /** the rows each request wrote, by amount */
  async function rowsOf(burst: Keyed[]): Promise<Map<string, number>> {
    const rows = new Map<string, number>();
    const entries = await t.ds.getRepository(LedgerEntry).findBy({ programYearId: py.id });
    const payments = await t.ds.getRepository(Disbursement).findBy({ fiscalYear: 2025, quarter: 4 });
    for (const r of burst) {
      rows.set(
        r.key,
        r.kind === 'entry'
          ? entries.filter((e) => e.amount === r.amount).length
          : payments.filter((d) => d.requestedAmount === r.amount).length,
      );
    }
    return rows;
  }

  it('every key retried after the kill gets its committed answer or runs once; totals and audit intact', async () => {
    const burst = requests('crash', 160, 1_001, ['payment', 'entry']);
    // the seeds load their figures without audit records: only what the burst wrote is checked
    const maxId = async (table: string) => Number((await t.ds.query(`SELECT MAX(id) AS m FROM ${table}`))[0].m ?? 0);
    const [entriesBefore, paymentsBefore] = [await maxId('ledger_entries'), await maxId('disbursements')];
    server = await startServer(url);
    const first = new Map<string, Answer | 'lost'>();
    let answered = 0;
    let killed = false;
    let next = 0;
    const worker = async () => {
      while (!killed && next < burst.length) {
        const r = burst[next++];
        try {
          const a = await send(server!.port, t.token.officer, r);
          first.set(r.key, a);
          if (++answered === 40 && !killed) {
            killed = true;
            server!.child.kill('SIGKILL');
          }
        } catch {
          first.set(r.key, 'lost');
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    const { signal } = await server.exited;
    expect(signal).to.equal('SIGKILL');
    const lost = [...first.values()].filter((a) => a === 'lost').length;
    expect(lost, 'requests cut off by the kill').to.be.above(0);

    server = await startServer(url);
    const sent = burst.filter((r) => first.has(r.key));
    const retried = await Promise.all(sent.map((r) => send(server!.port, t.token.officer, r)));
    let recovered = 0;
    for (const [i, r] of sent.entries()) {
      const before = first.get(r.key)!;
      const again = retried[i];
      expect(again.status, `${r.key}: ${JSON.stringify(again.body)}`).to.equal(201);
      if (before === 'lost') {
        if (again.replayed) recovered++;
        continue;
      }
      expect(before.status, r.key).to.equal(201);
      expect(again.replayed, r.key).to.equal(true);
      expect(again.body, r.key).to.deep.equal(before.body);
    }
    // and once more: every key now replays its one answer
    const third = await Promise.all(sent.map((r) => send(server!.port, t.token.officer, r)));
    for (const [i, r] of sent.entries()) {
      expect(third[i].replayed, r.key).to.equal(true);
      expect(third[i].body, r.key).to.deep.equal(retried[i].body);
    }

    const rows = await rowsOf(burst);
    for (const r of sent) expect(rows.get(r.key), `${r.key} written once`).to.equal(1);
    for (const r of burst.filter((x) => !first.has(x.key))) expect(rows.get(r.key), `${r.key} never sent`).to.equal(0);

    expect(await t.ds.getRepository(IdempotencyRecord).countBy({ status: IsNull() }), 'records without an answer').to.equal(0);
    expect((await totalsDrift(t.ds.manager)).drift, 'check-totals').to.deep.equal([]);
    const audited = new Set(
      (await t.ds.getRepository(AuditRecord).find({ select: { entity: true, entityId: true } })).map((a) => `${a.entity}:${a.entityId}`),
    );
    const entries = await t.ds.getRepository(LedgerEntry).find({ select: { id: true }, where: { id: MoreThan(entriesBefore) } });
    expect(
      entries.filter((e) => !audited.has(`ledger_entry:${e.id}`)).map((e) => e.id),
      'entries without audit',
    ).to.deep.equal([]);
    const payments = await t.ds.getRepository(Disbursement).find({ select: { id: true }, where: { id: MoreThan(paymentsBefore) } });
    expect(
      payments.filter((d) => !audited.has(`disbursement:${d.id}`)).map((d) => d.id),
      'grants without audit',
    ).to.deep.equal([]);
    expect(entries.length + payments.length, 'rows the burst wrote').to.be.at.least(sent.length);
    console.log(`      (${sent.length} sent, ${lost} cut off by SIGKILL, ${recovered} of those had committed and were replayed)`);
  });

  it('SIGTERM drains the requests in flight: each is answered, and what was answered is what was written', async () => {
    if (!server || server.child.exitCode !== null) server = await startServer(url);
    const burst = requests('term', 24, 500_001, ['entry', 'entry', 'payment']);
    let signalled = false;
    let afterSignal = 0;
    const outcomes = await Promise.all(
      burst.map((r) =>
        send(server!.port, t.token.officer, r).then(
          (a) => {
            if (signalled) afterSignal++;
            if (!signalled) {
              signalled = true;
              server!.child.kill('SIGTERM');
            }
            return a;
          },
          () => 'refused' as const,
        ),
      ),
    );
    const { code } = await server.exited;
    expect(code, server.output()).to.equal(0);
    expect(server.output()).to.match(/stopped/);
    expect(afterSignal, 'requests answered after SIGTERM arrived').to.be.above(0);
    const rows = await rowsOf(burst);
    for (const [i, r] of burst.entries()) {
      const o = outcomes[i];
      if (o === 'refused') expect(rows.get(r.key), `${r.key}: refused, so never run`).to.equal(0);
      else {
        expect(o.status, JSON.stringify(o.body)).to.equal(201);
        expect(rows.get(r.key), `${r.key}: answered, so written once`).to.equal(1);
      }
    }
  });
});
