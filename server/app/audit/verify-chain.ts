import type { DataSource } from 'typeorm';
import { ChainAnchor, ChainBreak, ChainWalk } from '../../../domain/audit-chain';
import { auditChainHead, auditChainPage } from '../../store/audit-chain';

export interface ChainVerdict {
  ok: boolean;
  /** the head the walk ended at */
  head: { records: number; hash: string };
  /** records checked (up to the first break) */
  checked: number;
  /** the first broken link, when there is one */
  broken: ChainBreak | null;
}

/**
 * Walks the audit chain from its first record to its end and names the first broken link
 * (domain/audit-chain.ts says what counts as one). Safe on a live database: a transaction moves the
 * head together with the records it appends, so every record a head counts is visible to a read made
 * after that head was read, and a head read after the records is never behind them. Hence the walk
 * reads the head, then the records to the end, then the head again: fewer records than the first
 * head counts means records were removed; more than the second counts, records were slipped in; equal,
 * the last hash must be the head's; otherwise others committed meanwhile, and the walk goes on.
 * `anchor` (a position and the hash printed by an earlier run) also proves that the chain up to
 * there was not rewritten as a whole.
 */
export async function verifyAuditChain(ds: DataSource, options: { anchor?: ChainAnchor; pageSize?: number } = {}): Promise<ChainVerdict> {
  const walk = new ChainWalk(options.anchor);
  const pageSize = options.pageSize ?? 1000;
  let head = await readHead(ds);
  let afterId = 0;
  for (;;) {
    for (;;) {
      const page = await auditChainPage(ds.manager, afterId, pageSize);
      if (!page.length) break;
      for (const record of page) if (!walk.next(record)) return verdict(walk, head);
      afterId = page[page.length - 1].id;
    }
    if (walk.position < head.records) return verdict(walk, head);
    const now = await readHead(ds);
    if (now.records <= walk.position) return verdict(walk, now);
    head = now;
  }
}

async function readHead(ds: DataSource): Promise<{ records: number; hash: string }> {
  const head = await auditChainHead(ds.manager);
  if (!head) throw new Error('the database has no audit chain: run the migrations (npm run setup)');
  return head;
}

function verdict(walk: ChainWalk, head: { records: number; hash: string }): ChainVerdict {
  const broken = walk.end(head);
  return { ok: !broken, head, checked: walk.position, broken };
}
