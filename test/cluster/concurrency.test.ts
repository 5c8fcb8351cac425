import { expect } from 'chai';
import crypto from 'node:crypto';
import { Disbursement } from '../../entities/consignment-disbursement';
import { totalsDrift } from '../../server/store/ledger/running-totals';
import { ADMIN, Cluster, fundedConsignment, get, nodeSummary, payment, post, postUntilAnswered, sharedCluster } from './cluster';

/**
 * The concurrency tests of the single server, with the clients spread over three app processes on
 * the three nodes of a Galera cluster: no row lock holds across nodes, so these pass only if
 * certification conflicts are retried as whole transactions that re-check every rule.
 */
describe('cluster: concurrency over three app processes on three Galera nodes', function () {
  let c: Cluster;
  before(async () => {
    c = await sharedCluster();
  });
  const bases = () => [0, 1, 2].map((i) => c.base(i));

  it('50 concurrent payments against one ceiling: exactly the ones that fit are paid, on every node', async () => {
    const consignment = await fundedConsignment(c.ds[0], 35_000);
    // each with its own key, sent again after a 503 (the database busy, or a conflict that outlasted
    // the retries) to the next process, as a client of the cluster does
    const deadline = Date.now() + 120_000;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postUntilAnswered(bases, i, '/api/disbursements', payment(consignment, 1_000), `pay-${crypto.randomUUID()}`, deadline),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).to.equal(true);
    expect(statuses.filter((s) => s === 201)).to.have.length(35);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).to.not.equal('idempotent_request_in_progress');
    for (const ds of c.ds) {
      const paid = await ds.getRepository(Disbursement).find({ where: { status: 'paid' }, relations: [] });
      const ours = paid.filter((d) => answers.some((a) => a.body.id === d.id));
      expect(ours.reduce((s, d) => s + (d.paidAmount ?? 0), 0)).to.equal(35_000);
    }
  });

  it('one Idempotency-Key replayed at once on three processes is paid once; every answer is the same payment', async () => {
    const consignment = await fundedConsignment(c.ds[0], 1_000_000);
    const key = `replay-${crypto.randomUUID()}`;
    const deadline = Date.now() + 60_000;
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => postUntilAnswered(bases, i, '/api/disbursements', payment(consignment, 7_000), key, deadline)),
    );
    expect(answers.map((a) => a.status)).to.deep.equal(Array(15).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).to.equal(1);
    for (const ds of c.ds) {
      const [row] = (await ds.query(
        `SELECT COUNT(*) AS n, COALESCE(SUM(d.paid_amount), 0) AS paid FROM disbursements d JOIN consignments k ON k.id = d.consignment_id WHERE k.code = ?`,
        [consignment],
      )) as { n: number; paid: number }[];
      expect({ n: Number(row.n), paid: Number(row.paid) }).to.deep.equal({ n: 1, paid: 7_000 });
    }
  });

  it('30 concurrent 전용 (transfers) out of one line: the line never goes below zero, on any node', async () => {
    const admin = { Authorization: ADMIN };
    const code = `CL-T${crypto.randomBytes(3).toString('hex')}`;
    let r = await post(c.base(0), '/api/programs', { code, name: `클러스터 전용 ${code}`, kind: 'unit', account: 'general' }, admin);
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    r = await post(c.base(1), '/api/program-years', { programCode: code, fiscalYear: 2025, orgCode: 'LFB-FAIR' });
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    const py = r.body.id as number;
    r = await post(c.base(2), `/api/program-years/${py}/appropriations`, { expenseItem: '사무관리비', amount: 1_000_000 });
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    const deadline = Date.now() + 120_000;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postUntilAnswered(
          bases,
          i,
          '/api/transfers',
          {
            kind: 'item',
            transferDate: '2025-02-10',
            amount: 50_000,
            fromProgramYearId: py,
            fromItem: '사무관리비',
            toProgramYearId: py,
            toItem: '시설비',
            reason: '동시 전용 시험',
          },
          `transfer-${crypto.randomUUID()}`,
          deadline,
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s === 201),
      statuses.join(','),
    ).to.have.length(20);
    expect(statuses.filter((s) => s === 409)).to.have.length(10);
    for (const i of [0, 1, 2]) {
      const detail = await get(c.base(i), `/api/program-years/${py}`);
      expect(detail.body.figures).to.nested.include({ 'items.사무관리비.current': 0, 'items.시설비.current': 1_000_000 });
    }
  });

  it('after all that, every node has the same rows, totals that equal their rows, and the same audit chain head', async () => {
    const summaries = await Promise.all(c.ds.map((ds) => nodeSummary(ds)));
    console.log('      per node:', JSON.stringify(summaries[0]));
    expect(summaries[1]).to.deep.equal(summaries[0]);
    expect(summaries[2]).to.deep.equal(summaries[0]);
    for (const ds of c.ds) expect((await totalsDrift(ds.manager)).drift).to.deep.equal([]);
  });
});
