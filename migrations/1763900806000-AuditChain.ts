import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { AuditRecord } from '../entities/audit-record';
import { GENESIS_HASH, sealRecords } from '../domain/audit-chain';
import { hydrate } from '../server/db/lean';
import { createTables, int, str } from './support/schema';

/** rows read and sealed at a time while chaining the records that exist already */
const PAGE = 500;

/**
 * The tamper-evident audit trail: every record carries the hash of the one before it and its own
 * (domain/audit-chain.ts), and `audit_chain` holds the head (how many records, the last hash). The
 * records written before this migration are sealed here, in id order, so the chain covers the whole
 * trail from its first record. The new columns are NOT NULL (their default '' only fills the rows
 * being sealed), so a record written without its hash is refused rather than left out of the chain.
 */
export class AuditChain1763900806000 implements MigrationInterface {
  name = 'AuditChain1763900806000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('audit_records', [
      new TableColumn({ ...str('prev_hash', 64), default: "''" }),
      new TableColumn({ ...str('hash', 64), default: "''" }),
    ]);
    await createTables(qr, [{ name: 'audit_chain', columns: [{ ...int('id'), isPrimary: true }, int('records'), str('hash', 64)] }]);
    const head = await sealExisting(qr);
    const esc = (s: string) => qr.connection.driver.escape(s);
    await qr.query(`INSERT INTO audit_chain (id, records, ${esc('hash')}) VALUES (1, ?, ?)`, [head.records, head.hash]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('audit_chain', true);
    await qr.dropColumns('audit_records', ['prev_hash', 'hash']);
  }
}

/** Chains the records there are, in id order; returns the head. */
async function sealExisting(qr: QueryRunner): Promise<{ records: number; hash: string }> {
  const esc = (s: string) => qr.connection.driver.escape(s);
  // correlation_id exists since migration 1763900802000
  const columns = [
    'id',
    'at',
    'actor_id',
    'actor_name',
    'action',
    'entity',
    'entity_id',
    'before',
    'after',
    'request_id',
    'correlation_id',
  ];
  let last = GENESIS_HASH;
  let records = 0;
  let afterId = 0;
  for (;;) {
    const rows = (await qr.query(`SELECT ${columns.map(esc).join(', ')} FROM audit_records WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [
      afterId,
    ])) as Record<string, unknown>[];
    if (!rows.length) break;
    const hydrated = rows.map((row) => hydrate(qr.manager, AuditRecord, { ...row, prev_hash: '', hash: '' }));
    const links = sealRecords(last, hydrated);
    const cases = `CASE id ${links.map(() => 'WHEN ? THEN ?').join(' ')} END`;
    await qr.query(
      `UPDATE audit_records SET prev_hash = ${cases}, ${esc('hash')} = ${cases} WHERE id IN (${links.map(() => '?').join(', ')})`,
      [
        ...hydrated.flatMap((r, i) => [r.id, links[i].prevHash]),
        ...hydrated.flatMap((r, i) => [r.id, links[i].hash]),
        ...hydrated.map((r) => r.id),
      ],
    );
    last = links[links.length - 1].hash;
    records += rows.length;
    afterId = hydrated[hydrated.length - 1].id;
  }
  return { records, hash: last };
}
