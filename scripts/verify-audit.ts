import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/data-source';
import { verifyAuditChain } from '../server/app/audit/verify-chain';

/**
 * npm run verify-audit [-- --anchor N:HASH] [--json]: walks the audit chain of the database DB_URL
 * names (server/app/audit/verify-chain.ts) and names the first broken link: a record edited,
 * removed or slipped in by hand, or records removed at the end. Exits 0 when the chain is whole, 1
 * when it is broken. It prints the head (records and last hash): kept somewhere else (a log, the
 * backup's notes), it is an anchor a later run can be given (--anchor N:HASH) to prove the chain up
 * to there was not rewritten as a whole, which the chain alone cannot show.
 */
async function main() {
  const { values } = parseArgs({ options: { anchor: { type: 'string' }, json: { type: 'boolean' } } });
  let anchor: { position: number; hash: string } | undefined;
  if (values.anchor) {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(values.anchor);
    if (!m) throw new Error('--anchor: N:HASH (a position and the 64 hex digits printed by an earlier run)');
    anchor = { position: Number(m[1]), hash: m[2] };
  }
  const ds = await openDatabase();
  try {
    const verdict = await verifyAuditChain(ds, { anchor });
    if (values.json) console.log(JSON.stringify(verdict, null, 2));
    else if (verdict.broken) {
      console.log(
        `audit chain BROKEN at ${verdict.broken.recordId === null ? 'its head' : `record #${verdict.broken.recordId}`} (position ${verdict.broken.position}, ${verdict.broken.kind})`,
      );
      console.log(verdict.broken.message);
      console.log(verdict.broken.message_ko);
      console.log(`${verdict.checked} records before it are intact`);
    } else console.log(`audit chain intact: ${verdict.checked} records; anchor ${verdict.head.records}:${verdict.head.hash}`);
    process.exitCode = verdict.ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
