import { expect } from 'chai';
import { EntityManager } from 'typeorm';
import { Operator } from '../../entities/consignment';
import { GroupCommit, Outcome } from '../../server/db/group-commit';
import { freshDatabase, TestDb } from '../support/db';

/** One turn of the event loop: a group is started once the turn that submitted its first item is over. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A gate the first group's work waits at, so that the test decides when it ends. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('group commit (server/db/group-commit.ts)', function () {
  let db: TestDb;
  before(async () => {
    db = await freshDatabase();
  });
  after(() => db.drop());

  const names = async (prefix: string) =>
    (await db.ds.getRepository(Operator).find({ order: { id: 'ASC' } })).map((o) => o.name).filter((n) => n.startsWith(prefix));

  /** Work that inserts one operator per item (named by it) and answers with the group's size. */
  function recordingWork(prefix: string, sizes: number[], hold?: Promise<void>, refuse = new Set<string>(), fault = new Set<string>()) {
    return async (tx: EntityManager, items: string[]): Promise<Outcome<number>[]> => {
      sizes.push(items.length);
      if (sizes.length === 1 && hold) await hold;
      const outcomes: Outcome<number>[] = [];
      for (const item of items) {
        if (refuse.has(item)) {
          outcomes.push({ error: new Error(`refused ${item}`) });
          continue;
        }
        await tx.getRepository(Operator).insert({ name: `${prefix}${item}` });
        if (fault.has(item)) throw new Error(`fault ${item}`);
        outcomes.push({ value: items.length });
      }
      return outcomes;
    };
  }

  it('starts a group once the current turn has taken in its items: those submitted together go together, those that arrive while it runs go in the next', async () => {
    const sizes: number[] = [];
    const g = gate();
    const group = new GroupCommit(db.ds, recordingWork('a-', sizes, g.opened));
    const first = ['1', '2'].map((i) => group.submit(i));
    await turn();
    const rest = ['3', '4', '5'].map((i) => group.submit(i));
    await turn();
    expect(sizes, 'the later items wait for the first group').to.deep.equal([2]);
    g.open();
    expect(await Promise.all(first)).to.deep.equal([2, 2]);
    expect(await Promise.all(rest)).to.deep.equal([3, 3, 3]);
    expect(sizes).to.deep.equal([2, 3]);
    expect(await names('a-')).to.deep.equal(['a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
  });

  it('bounds a group to its size; the rest go in the groups after it', async () => {
    const sizes: number[] = [];
    const g = gate();
    const group = new GroupCommit(db.ds, recordingWork('b-', sizes, g.opened), 2);
    const all = [group.submit('1')];
    await turn();
    all.push(...['2', '3', '4', '5', '6'].map((i) => group.submit(i)));
    g.open();
    await Promise.all(all);
    expect(sizes).to.deep.equal([1, 2, 2, 1]);
  });

  it('answers a refused item with its own refusal and commits the others', async () => {
    const sizes: number[] = [];
    const g = gate();
    const group = new GroupCommit(db.ds, recordingWork('c-', sizes, g.opened, new Set(['2'])));
    const first = group.submit('1');
    await turn();
    const results = ['2', '3'].map((i) =>
      group.submit(i).then(
        (v) => v,
        (e: Error) => e.message,
      ),
    );
    g.open();
    await first;
    expect(await Promise.all(results)).to.deep.equal(['refused 2', 2]);
    expect(await names('c-')).to.deep.equal(['c-1', 'c-3']);
  });

  it("when a group's transaction fails, rolls it back whole and carries each item alone: only the faulty item fails, nothing is written twice", async () => {
    const sizes: number[] = [];
    const g = gate();
    const group = new GroupCommit(db.ds, recordingWork('d-', sizes, g.opened, new Set(), new Set(['3'])));
    const first = group.submit('1');
    await turn();
    const results = ['2', '3', '4'].map((i) =>
      group.submit(i).then(
        (v) => v,
        (e: Error) => e.message,
      ),
    );
    g.open();
    await first;
    expect(await Promise.all(results)).to.deep.equal([1, 'fault 3', 1]);
    expect(sizes.slice(0, 2), 'the group of three failed, then each went alone').to.deep.equal([1, 3]);
    expect(sizes.slice(2).sort()).to.deep.equal([1, 1, 1]);
    // carried alone, the three run side by side, so their rows may land in any order
    expect((await names('d-')).sort(), 'the failed group left nothing; d-3 never committed').to.deep.equal(['d-1', 'd-2', 'd-4']);
  });
});
