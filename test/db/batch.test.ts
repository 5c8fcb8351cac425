import { expect } from 'chai';
import { allOf, eachKey, readEach, split } from '../../server/db/batch';
import { StatementPipeline } from '../../server/db/pipeline';
import { ConsignmentGrantTotal } from '../../entities/running-totals';
import { Consignment } from '../../entities/consignment';
import { leanFind, leanFindOne } from '../../server/db/lean';
import { inTransaction } from '../../server/db/transaction';
import { runSeedSteps } from '../../seeds/run-steps';
import { freshDatabase, TestDb } from '../support/db';

/** A pipeline over a stand-in connection that answers `SELECT n` with `[{ n }]`, or fails on `SELECT fail`. */
function pipeline() {
  const trips: string[] = [];
  const p = new StatementPipeline(async (sql) => {
    trips.push(sql);
    await new Promise((resolve) => setImmediate(resolve));
    if (sql.includes('fail')) throw new Error('statement failed');
    const results = sql.split(';\n').map((s) => [{ n: Number(s.replace('SELECT ', '')) }]);
    return results.length === 1 ? results[0] : results;
  });
  const select = (n: number | 'fail') => p.query(`SELECT ${n}`, [], false) as Promise<{ n: number }[]>;
  return { trips, select };
}

class Refusal extends Error {}

/** Fails the test if a promise is rejected with nobody to handle it while fn runs. */
async function noUnhandledRejection(fn: () => Promise<void>): Promise<void> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await fn();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off('unhandledRejection', listener);
  }
  expect(seen, 'unhandled rejections').to.deep.equal([]);
}

describe('batched reads answered key by key (server/db/batch.ts)', () => {
  it('reads every key in one statement, issued when the reader is called, and answers each key with its plain value or its own refusal', async () => {
    const { trips, select } = pipeline();
    const keys = [1, 2, 3];
    const answers = readEach(
      keys,
      () => select(42),
      (rows, key) => {
        if (key === 2) throw new Refusal('no 2');
        return rows[0].n + key;
      },
    );
    const other = select(7);
    expect(await answers[0]).to.equal(43);
    expect(await answers[1].catch((e: Error) => e))
      .to.be.instanceOf(Refusal)
      .with.property('message', 'no 2');
    expect(await answers[2]).to.equal(45);
    expect(await other).to.deep.equal([{ n: 7 }]);
    expect(trips, 'the read and the statement issued beside it in one round trip').to.deep.equal(['SELECT 42;\nSELECT 7']);
    expect(
      readEach(
        [],
        () => select(1),
        () => 1,
      ),
      'no keys, no statement',
    ).to.deep.equal([]);
  });

  it('composes readers key by key in the same round trip; a failed statement rejects every key; refusals nobody asks for are not unhandled', async () => {
    await noUnhandledRejection(async () => {
      const { trips, select } = pipeline();
      const years = ['a', 'b'];
      const locks = readEach(
        years,
        () => select(1),
        (rows, y) => `${y}${rows[0].n}`,
      );
      const states = split(
        Promise.all([select(2), select(3)]).then((r) => r.map((rows) => rows[0].n)),
        2,
      );
      const reads = eachKey(years, async (_, i) => ({ lock: await locks[i], state: await states[i] }));
      expect(await allOf(reads)).to.deep.equal([
        { lock: 'a1', state: 2 },
        { lock: 'b1', state: 3 },
      ]);
      expect(trips).to.deep.equal(['SELECT 1;\nSELECT 2;\nSELECT 3']);

      const failing = readEach(
        years,
        () => select('fail'),
        () => 'never',
      );
      for (const answer of failing) expect(await answer.catch((e: Error) => e.message)).to.equal('statement failed');
      // refused keys nobody awaits
      readEach(
        years,
        () => select('fail'),
        () => 'never',
      );
      eachKey(years, () => {
        throw new Refusal('refused at once');
      });
    });
  });

  it('allOf answers every value in key order, and throws the first refusal in key order, not the first to arrive', async () => {
    const late = new Promise<number>((_, reject) => setTimeout(() => reject(new Refusal('first key')), 10));
    const early = Promise.reject(new Refusal('second key'));
    const err = await allOf([late, early, Promise.resolve(3)]).catch((e: Error) => e);
    expect(err).to.have.property('message', 'first key');
    expect(await allOf([Promise.resolve(1), Promise.resolve(2)])).to.deep.equal([1, 2]);
  });

  describe('on the database', () => {
    let db: TestDb;
    before(async () => {
      db = await freshDatabase();
      await runSeedSteps(
        db.ds,
        () => undefined,
        (f) => /^(010|020|040)-/.test(f),
      );
    });
    after(() => db.drop());

    it('a reader of many consignments by code, its statements issued together: each code its row, an unknown code its own refusal', async () => {
      const codes = ['EC-C01', 'NO-SUCH', 'EC-C01'];
      const byCode = (em: Parameters<typeof leanFind>[0]) =>
        readEach(
          codes,
          async (keys) => {
            const rows = await Promise.all([...new Set(keys)].map((code) => leanFindOne(em, Consignment, { code })));
            return new Map(rows.filter((c) => c).map((c) => [c!.code, c!]));
          },
          (found, code) => {
            const c = found.get(code);
            if (!c) throw new Refusal(`no consignment ${code}`);
            return c;
          },
        );
      const [first, missing, again] = await inTransaction(db.ds, async (tx) => {
        const answers = byCode(tx);
        const totals = await leanFind(tx, ConsignmentGrantTotal, { fiscalYear: 2025 });
        expect(totals).to.be.an('array');
        return [await answers[0], await answers[1].catch((e: Error) => e), await answers[2]];
      });
      expect(first).to.be.instanceOf(Consignment).with.property('code', 'EC-C01');
      expect(again).to.deep.equal(first);
      expect(missing).to.be.instanceOf(Refusal).with.property('message', 'no consignment NO-SUCH');
    });
  });
});
