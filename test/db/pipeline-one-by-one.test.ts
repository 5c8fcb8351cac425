import { expect } from 'chai';
import { StatementPipeline } from '../../server/db/pipeline';

/**
 * The pipeline on a Galera node (oneByOne): the statements queued together still wait for the next
 * awaited one, but each goes in its own round trip, so a transaction aborted by another node's write
 * set fails at its next statement and nothing after it runs (server/db/galera.ts).
 */
describe('statement pipeline, one statement per round trip (Galera)', () => {
  it('sends a batch as single statements, in order, and answers each', async () => {
    const sent: { sql: string; statements: number }[] = [];
    const p = new StatementPipeline((sql, _params, _structured, statements) => {
      sent.push({ sql, statements });
      return Promise.resolve(`answer to ${sql}`);
    }, true);
    p.begin(['SET SESSION x']);
    p.later('UPDATE totals');
    const [a, b] = await Promise.all([p.query('SELECT a', [], false), p.query('SELECT b', [], false)]);
    expect(sent).to.deep.equal(
      ['SET SESSION x', 'START TRANSACTION', 'UPDATE totals', 'SELECT a', 'SELECT b'].map((sql) => ({ sql, statements: 1 })),
    );
    expect([a, b]).to.deep.equal(['answer to SELECT a', 'answer to SELECT b']);
  });

  it('stops at the first failure: what follows is never sent, every statement waiting fails, and COMMIT is refused', async () => {
    const sent: string[] = [];
    const deadlock = Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
    const p = new StatementPipeline((sql) => {
      sent.push(sql);
      return sql === 'UPDATE totals' ? Promise.reject(deadlock) : Promise.resolve([]);
    }, true);
    p.begin();
    p.later('INSERT payment');
    p.later('UPDATE totals');
    p.later('INSERT audit');
    const answer = await p.query('SELECT next', [], false).catch((e: unknown) => e);
    expect(sent).to.deep.equal(['START TRANSACTION', 'INSERT payment', 'UPDATE totals']);
    expect((answer as { code?: string }).code).to.equal('ER_LOCK_DEADLOCK');
    const commit = await p.commit().catch((e: unknown) => e);
    expect(commit).to.be.instanceOf(Error);
    expect(sent).to.not.include('COMMIT');
  });
});
