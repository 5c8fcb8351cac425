import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, outsideTransaction } from './transaction';

/**
 * What one item of a group comes to: its value, or its own refusal (which fails only that item).
 * This is the answer of a group's work (GroupWork). Batched readers answer with plain values per
 * key instead: server/db/batch.ts.
 */
export type Outcome<T> = { value: T } | { error: unknown };

/**
 * Waits for a promise and keeps its outcome, a value or an error, instead of throwing.
 * @deprecated for batched reads: answer each key with its own promise (server/db/batch.ts: readEach, eachKey, allOf).
 */
export function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/**
 * Waits for `promises` and keeps each one's outcome, so that one refusal does not hide the others.
 * @deprecated for batched reads: server/db/batch.ts (eachKey, allOf).
 */
export function settled<T>(promises: Promise<T>[]): Promise<Outcome<T>[]> {
  return Promise.all(promises.map(outcomeOf));
}

/**
 * The value of an outcome, or its error thrown.
 * @deprecated for batched reads, whose callers unwrap with it: answer each key with its own promise
 * (server/db/batch.ts) and `await answers[i]`.
 */
export function valueOf<T>(o: Outcome<T>): T {
  if ('error' in o) throw o.error;
  return o.value;
}

/** Runs a group's items in the transaction handed in and answers each, in order. */
export type GroupWork<I, O> = (tx: EntityManager, items: I[]) => Promise<Outcome<O>[]>;

/**
 * What rides along with an item in its group's transaction: told the item's outcome inside the
 * transaction, before COMMIT, it writes what must commit with it (an Idempotency-Key's record and
 * answer: server/http/idempotency.ts). It must only queue writes (beforeCommit), never fail.
 */
export interface Rider<O = unknown> {
  ride(tx: EntityManager, outcome: Outcome<O>): void;
}

const riders = new AsyncLocalStorage<Rider | undefined>();

/** Runs fn with a rider: an item fn submits to a group carries it into the group's transaction. */
export function withRider<T>(rider: Rider, fn: () => T): T {
  return riders.run(rider, fn);
}

interface Waiting<I, O> {
  item: I;
  rider: Rider<O> | undefined;
  resolve(value: O): void;
  reject(reason: unknown): void;
}

/** every group commit of the process that has items in flight: a shutdown waits for them (drainGroups) */
const busy = new Set<Promise<void>>();

/** Resolves once every group in flight has committed or failed (graceful shutdown). */
export async function drainGroups(): Promise<void> {
  while (busy.size) await Promise.allSettled([...busy]);
}

/**
 * Group commit. Items submitted while a group's transaction runs wait for it to end and then go
 * together in the next transaction, whose work checks them one after another against the state it
 * read once under its locks and writes the accepted ones together. On a busy row (every payment of
 * a consignment-year waits for its lock) the lock, the reads, the round trips and the commit are
 * shared by the group instead of paid by each item. Nothing is held back for a timer: an idle
 * system starts a group as soon as the current turn of the event loop has taken in its requests.
 *
 * An item settles only after its group commits. A refusal of one item (an Outcome with an error)
 * leaves the others to commit. When the transaction itself fails (a database error, a fault), the
 * group is carried again item by item, each in its own transaction, so that one item's trouble never
 * fails another and a failure reaches only the item that causes it.
 *
 * An item submitted with a rider (withRider) carries it into every transaction that carries the
 * item: the rider is told the item's outcome before COMMIT, so that what it writes (the request's
 * Idempotency-Key record with its answer) commits exactly when the item's work does.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private running = false;

  constructor(
    private readonly ds: DataSource,
    private readonly work: GroupWork<I, O>,
    /** items per transaction: bounds the transaction's size and the time its locks are held */
    private readonly maxGroup = 32,
  ) {}

  submit(item: I): Promise<O> {
    const rider = riders.getStore() as Rider<O> | undefined;
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, rider, resolve, reject });
      if (!this.running) {
        this.running = true;
        // after this turn's I/O callbacks, so that the requests that arrived together go together
        // (a SQLite transaction never waits for I/O, so without this no group would ever form);
        // outside the submitter's request transaction and rider: the group's are its own
        const drained = new Promise<void>((finished) =>
          outsideTransaction(() => riders.run(undefined, () => setImmediate(() => void this.drain().finally(finished)))),
        );
        busy.add(drained);
        void drained.then(() => busy.delete(drained));
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length) await this.carry(this.waiting.splice(0, this.maxGroup));
    } finally {
      this.running = false;
    }
  }

  private async carry(group: Waiting<I, O>[]): Promise<void> {
    let outcomes: Outcome<O>[];
    try {
      outcomes = await inTransaction(this.ds, async (tx) => {
        const answers = await this.work(
          tx,
          group.map((g) => g.item),
        );
        if (answers.length !== group.length) throw new Error(`group commit: ${answers.length} outcomes for ${group.length} items`);
        // each item's rider writes what commits with it, before COMMIT (in the transaction's last round trip)
        group.forEach((g, i) => g.rider?.ride(tx, answers[i]));
        return answers;
      });
    } catch (err) {
      if (group.length === 1) return group[0].reject(err);
      await Promise.all(group.map((g) => this.carry([g])));
      return;
    }
    outcomes.forEach((o, i) => ('value' in o ? group[i].resolve(o.value) : group[i].reject(o.error)));
  }
}
