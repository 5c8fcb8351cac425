import { EntityManager } from 'typeorm';
import { AuditChainHead, AuditRecord } from '../../entities/audit-record';
import { ChainedContent, contentDigest, sealRecords } from '../../domain/audit-chain';
import { RequestContext } from '../context';
import { leanFindOne, leanInsertMany, leanUpdate } from '../db/lean';
import { writeLater } from '../db/pipeline';
import { beforeCommit, inTransaction, isMysql, transactionLocal } from '../db/transaction';

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

const QUEUE = Symbol('audit records of this transaction');

interface Queue {
  rows: ChainedContent[];
  /** the records went to the chain (just before commit); a record after that is appended alone */
  appended: boolean;
}

/**
 * Records a change in the caller's transaction, so both land or neither. The state is captured
 * now; inside a transaction the row is written with the transaction's other records in one
 * statement just before the commit (a payment writes two or three), chained to the audit trail's
 * last record (appendToChain). Outside a transaction the record is appended in one of its own.
 */
export async function audit(em: EntityManager, ctx: RequestContext, change: AuditChange): Promise<void> {
  const row: ChainedContent = {
    at: new Date(),
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: change.action,
    entity: change.entity,
    entityId: String(change.entityId),
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    requestId: ctx.requestId,
    correlationId: ctx.correlationId ?? null,
  };
  const queue = transactionLocal<Queue>(em, QUEUE, () => {
    const q: Queue = { rows: [], appended: false };
    beforeCommit(em, () => {
      q.appended = true;
      return appendToChain(em, q.rows);
    });
    return q;
  });
  if (queue && !queue.appended) queue.rows.push(row);
  else if (queue || em.queryRunner?.isTransactionActive) await appendToChain(em, [row]);
  else await inTransaction(em.connection, (tx) => appendToChain(tx, [row]));
}

/**
 * Appends records to the chain, in the caller's transaction. The chain's head row is locked
 * (FOR UPDATE) while the records are hashed and written, and stays locked until the transaction
 * commits, so transactions that audit at once append one after another, in the order they take the
 * lock — which is their commit order, and (the ids being drawn under the lock) the records' id
 * order. The lock is taken last, just before COMMIT, and held only for that last round trip.
 *
 * On MariaDB nothing waits for an answer: the head is read into session variables, each record's
 * hash is computed by the server (SHA2 of the previous hash and the record's content digest,
 * computed here), and the statements travel with COMMIT — no round trip is added to a payment. On
 * SQLite (transactions already serialised) the head is read and the hashes computed here.
 */
export async function appendToChain(em: EntityManager, rows: ChainedContent[]): Promise<void> {
  if (!rows.length) return;
  if (isMysql(em.connection)) return appendOnMysql(em, rows);
  const head = await leanFindOne(em, AuditChainHead, { id: 1 });
  if (!head) throw new Error('the audit chain has no head (audit_chain row 1): run the migrations');
  const links = sealRecords(head.hash, rows);
  await leanInsertMany(
    em,
    AuditRecord,
    rows.map((r, i) => ({ ...r, ...links[i] })),
  );
  await leanUpdate(em, AuditChainHead, 1, { records: head.records + rows.length, hash: links[links.length - 1].hash });
}

/** rows per INSERT, as lean.ts: well inside MariaDB's 65,535 bound parameters */
const ROWS_PER_INSERT = 100;
const CONTENT: (keyof ChainedContent)[] = [
  'at',
  'actorId',
  'actorName',
  'action',
  'entity',
  'entityId',
  'before',
  'after',
  'requestId',
  'correlationId',
];
const insertSql = new Map<number, string>();

async function appendOnMysql(em: EntityManager, rows: ChainedContent[]): Promise<void> {
  const meta = em.connection.getMetadata(AuditRecord);
  const esc = (s: string) => em.connection.driver.escape(s);
  const columns = CONTENT.map((p) => meta.findColumnWithPropertyName(p)!);
  // reset first: a head that is missing leaves the variables NULL, and the NOT NULL hash refuses the rows
  await writeLater(em, 'SET @audit_h = NULL, @audit_n = NULL', []);
  await writeLater(
    em,
    `SELECT ${esc('hash')}, ${esc('records')} INTO @audit_h, @audit_n FROM ${esc('audit_chain')} WHERE ${esc('id')} = 1 FOR UPDATE`,
    [],
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    // the right-hand sides of one SET are all evaluated before any is assigned: @audit_p<i> gets the
    // hash before record i, @audit_h the hash after it
    for (const [i, r] of chunk.entries())
      await writeLater(em, `SET @audit_p${i} = @audit_h, @audit_h = SHA2(CONCAT(@audit_h, ?), 256)`, [contentDigest(r)]);
    let sql = insertSql.get(chunk.length);
    if (!sql) {
      const names = [...columns.map((c) => esc(c.databaseName)), esc('prev_hash'), esc('hash')];
      const tuples = chunk.map(
        (_, i) => `(${columns.map(() => '?').join(', ')}, @audit_p${i}, ${i + 1 < chunk.length ? `@audit_p${i + 1}` : '@audit_h'})`,
      );
      insertSql.set(chunk.length, (sql = `INSERT INTO ${esc(meta.tableName)} (${names.join(', ')}) VALUES ${tuples.join(', ')}`));
    }
    await writeLater(
      em,
      sql,
      chunk.flatMap((r) => columns.map((c, j) => em.connection.driver.preparePersistentValue(r[CONTENT[j]] ?? null, c))),
    );
  }
  await writeLater(
    em,
    `UPDATE ${esc('audit_chain')} SET ${esc('records')} = @audit_n + ?, ${esc('hash')} = @audit_h WHERE ${esc('id')} = 1`,
    [rows.length],
  );
}
