/**
 * Batched reads, answered key by key with plain values.
 *
 * A batched reader reads many keys with one statement (or with statements issued together, which
 * travel in one round trip on MariaDB: server/db/pipeline.ts) and answers each key with a promise
 * of its own (`PerKey<T>`): it resolves to the key's plain value or rejects with that key's own
 * refusal (a DomainError), and a failure of the statement rejects every key's promise. A caller
 * awaits the key it needs, `await answers[i]`, and has a plain value: nothing to unwrap. A reader
 * that never refuses a single key simply returns `Promise<T[]>`.
 *
 * The statements are issued when the reader is called, never when an answer is awaited, so reads
 * started together still travel together. A key's refusal nobody asks for (its request was refused
 * earlier for another reason) is not an unhandled rejection. To keep the order of refusals
 * deterministic, a caller awaiting several answers of one key awaits them one after another (all
 * were issued already: this costs no round trip), and `allOf` reports the first refusal in key
 * order, not the first to arrive.
 */

/** One answer per key, in key order: each a plain value or that key's own refusal. */
export type PerKey<T> = Promise<T>[];

/** The answers stay rejectable by whoever awaits them, but one nobody awaits is not an unhandled rejection. */
function handled<T>(answers: Promise<T>[]): PerKey<T> {
  for (const answer of answers) answer.catch(() => undefined);
  return answers;
}

/**
 * Reads every key at once (`read`, called now and once, with every key: it may skip keys it need not
 * read) and answers each key from what it read (`pick`: the key's value, or throws its refusal).
 * No keys, no statement.
 */
export function readEach<K, R, T>(
  keys: readonly K[],
  read: (keys: readonly K[]) => Promise<R>,
  pick: (read: R, key: K, index: number) => T,
): PerKey<T> {
  if (!keys.length) return [];
  let all: Promise<R>;
  try {
    all = read(keys);
  } catch (err) {
    all = Promise.reject(err);
  }
  return handled(keys.map((key, i) => all.then((rows) => pick(rows, key, i))));
}

/**
 * Answers each key by `answer`, called now for every key in order (so the statements it issues go
 * together): for composing a reader from other readers' answers, e.g.
 * `eachKey(years, async (y, i) => ({ programYear: await locks[i], state: await states[i] }))`.
 */
export function eachKey<K, T>(keys: readonly K[], answer: (key: K, index: number) => Promise<T> | T): PerKey<T> {
  return handled(
    keys.map((key, i) => {
      try {
        return Promise.resolve(answer(key, i));
      } catch (err) {
        return Promise.reject(err);
      }
    }),
  );
}

/** The answers of a read that answers all keys in one array (`Promise<T[]>`), one promise per key. */
export function split<T>(all: Promise<readonly T[]>, count: number): PerKey<T> {
  return readEach(
    Array.from({ length: count }, (_, i) => i),
    () => all,
    (rows, i) => rows[i],
  );
}

/** Every key's value, in key order; the first refusal in key order is thrown (after every answer has settled). */
export async function allOf<T>(answers: PerKey<T>): Promise<T[]> {
  const settled = await Promise.allSettled(answers);
  return settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  });
}
