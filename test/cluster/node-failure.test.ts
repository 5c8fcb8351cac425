import { expect } from 'chai';
import crypto from 'node:crypto';
import { openDatabase } from '../../server/db/data-source';
import { verifyAuditChain } from '../../server/app/audit/verify-chain';
import { totalsDrift } from '../../server/store/ledger/running-totals';
import { Cluster, fundedConsignment, galera, nodeSummary, payment, postUntilAnswered, sharedCluster } from './cluster';

const LOAD_MS = Number(process.env.CLUSTER_LOAD_MS ?? 30_000);
const CLIENTS = Number(process.env.CLUSTER_CLIENTS ?? 12);
/** the node killed midway (1-based; node 1 seeded the database, any node will do) */
const VICTIM = Number(process.env.CLUSTER_VICTIM ?? 2);

/**
 * A node killed under load. Clients pay four consignments for LOAD_MS through the three app
 * processes (client i starts on process i mod 3), each request with an Idempotency-Key of its own,
 * retried with that key on the next process after an error, a refused connection or "still
 * running", until it has a definitive answer (paid, or refused by a rule). A third of the way in,
 * node VICTIM is SIGKILLed; the load goes on through the other two; two thirds in, the node is
 * started again and rejoins by state transfer (IST, or rsync SST). Then, on every node: no
 * consignment paid over its ceiling, every accepted request paid exactly once (none missing, none
 * doubled), the same rows, running totals equal to their rows (check-totals), and the audit chain
 * whole with the same head.
 */
describe('cluster: a node SIGKILLed under load', function () {
  let c: Cluster;
  before(async () => {
    c = await sharedCluster();
  });

  it(`${LOAD_MS / 1000} s of payments, node ${VICTIM} killed midway and rejoined: nothing lost, nothing doubled, nodes identical`, async () => {
    // 4 × 50 payments fit: the load runs into the ceilings, so refusals under failure are exercised too
    const ceiling = 50_000;
    const amount = 1_000;
    const consignments = await Promise.all([0, 1, 2, 3].map(() => fundedConsignment(c.ds[0], ceiling)));
    const bases = () => [0, 1, 2].map(c.base);
    const started = Date.now();
    const stopAt = started + LOAD_MS;
    const accepted = new Map<string, number>();
    const refused = new Map<string, string>();
    const unanswered: string[] = [];
    let sent = 0;
    let retriedRequests = 0;
    const timeline: string[] = [];

    const client = async (i: number) => {
      while (Date.now() < stopAt) {
        const key = `load-${i}-${crypto.randomUUID()}`;
        sent++;
        const body = payment(consignments[(i + sent) % consignments.length], amount);
        const a = await postUntilAnswered(bases, i, '/api/disbursements', body, key, Date.now() + 90_000);
        if (a.tries > 1) retriedRequests++;
        if (a.tries < 0) unanswered.push(key);
        else if (a.status === 201) accepted.set(key, a.body.id as number);
        else refused.set(key, `${a.status} ${a.body.code}`);
      }
    };
    const chaos = async () => {
      await new Promise((r) => setTimeout(r, LOAD_MS / 3));
      timeline.push(`${((Date.now() - started) / 1000).toFixed(1)} s: SIGKILL node ${VICTIM}`);
      await c.ds[VICTIM - 1].destroy().catch(() => undefined);
      await galera('kill-node', String(VICTIM));
      await new Promise((r) => setTimeout(r, Math.max(0, started + (2 * LOAD_MS) / 3 - Date.now())));
      timeline.push(`${((Date.now() - started) / 1000).toFixed(1)} s: node ${VICTIM} starting`);
      await galera('start-node', String(VICTIM));
      timeline.push(`${((Date.now() - started) / 1000).toFixed(1)} s: node ${VICTIM} Synced`);
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), chaos()]);
    timeline.push(`${((Date.now() - started) / 1000).toFixed(1)} s: load ended`);
    c.ds[VICTIM - 1] = await openDatabase(c.urls[VICTIM - 1]);

    // what every node holds
    const perNode = [];
    for (const [n, ds] of c.ds.entries()) {
      const rows = (await ds.query(
        `SELECT d.id, k.code, d.paid_amount FROM disbursements d JOIN consignments k ON k.id = d.consignment_id WHERE d.status = 'paid' AND k.code IN (?)`,
        [consignments],
      )) as { id: number; code: string; paid_amount: number }[];
      const paidBy = new Map<string, number>();
      for (const r of rows) paidBy.set(r.code, (paidBy.get(r.code) ?? 0) + Number(r.paid_amount));
      const ids = new Set(rows.map((r) => r.id));
      const acceptedIds = [...accepted.values()];
      const missing = acceptedIds.filter((id) => !ids.has(id)).length;
      // a payment no accepted request answers for (a request run twice), or two requests answered with one payment
      const doubled = rows.length - (acceptedIds.length - missing) + (acceptedIds.length - new Set(acceptedIds).size);
      const overDisbursed = [...paidBy.values()].filter((p) => p > ceiling).length;
      const drift = (await totalsDrift(ds.manager)).drift.length;
      const chain = await verifyAuditChain(ds, {});
      perNode.push({
        node: n + 1,
        paid: rows.length,
        missing,
        doubled,
        overDisbursed,
        drift,
        auditOk: chain.ok,
        summary: await nodeSummary(ds),
      });
    }
    console.log(`      ${timeline.join('; ')}`);
    console.log(
      `      requests ${sent}: accepted ${accepted.size}, refused ${refused.size} (${[...new Set(refused.values())].join(', ')}), unanswered ${unanswered.length}, answered after a retry ${retriedRequests}`,
    );
    for (const p of perNode)
      console.log(
        `      node ${p.node}: paid ${p.paid}, over-disbursements ${p.overDisbursed}, accepted missing ${p.missing}, doubled ${p.doubled}, totals drift ${p.drift}, audit chain ${p.auditOk ? 'whole' : 'BROKEN'}, rows ${JSON.stringify(p.summary)}`,
      );
    expect(unanswered).to.deep.equal([]);
    expect(accepted.size).to.be.greaterThan(0);
    for (const p of perNode) {
      expect(p.overDisbursed, `node ${p.node} over-disbursements`).to.equal(0);
      expect(p.missing, `node ${p.node} accepted but missing`).to.equal(0);
      expect(p.doubled, `node ${p.node} doubled`).to.equal(0);
      expect(p.drift, `node ${p.node} totals drift`).to.equal(0);
      expect(p.auditOk, `node ${p.node} audit chain`).to.equal(true);
      expect(p.summary).to.deep.equal(perNode[0].summary);
    }
    // refusals are the ceiling's only (409), never a 5xx given as final
    for (const why of refused.values()) expect(why).to.match(/^409 /);
    expect(refused.size, 'some payments refused by the ceiling').to.be.greaterThan(0);
  });
});
