import { createHash } from 'node:crypto';
import { ko } from './korean-particles';

/**
 * The audit trail as a hash chain. Each record carries `hash = SHA-256(prevHash ‖ digest)`, where
 * `digest` is the SHA-256 of the record's own content (canonical JSON, below) and `prevHash` the
 * hash of the record before it in the chain (64 zeros for the first). The chain's head
 * (`audit_chain`: how many records, the last hash) is moved in the same transaction as the records
 * it adds, so removing records at the end is caught as well as editing, removing or inserting one in
 * the middle. All hashes are lowercase hex, so MariaDB's SHA2(CONCAT(prev, digest), 256) computes
 * the same link as `linkHash` here (server/store/audit.ts appends on MariaDB that way).
 *
 * The format is fixed: changing what `contentDigest` covers would break every chain already
 * written; a new format would need a new version tag and a migration that re-seals.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** the fields of an audit record the chain covers: everything but its id and the chain columns */
export interface ChainedContent {
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
  /** the client's sanitised X-Request-Id, when it sent one */
  correlationId?: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of the record's content as canonical JSON: a version tag and the fields in a fixed order. */
export function contentDigest(r: ChainedContent): string {
  return sha256(
    JSON.stringify([
      'audit/v1',
      r.at.toISOString(),
      r.actorId,
      r.actorName,
      r.action,
      r.entity,
      r.entityId,
      r.before,
      r.after,
      r.requestId,
      // covered when present; a record without one keeps the digest it had before the field existed
      ...(r.correlationId ? [r.correlationId] : []),
    ]),
  );
}

/** The hash of a record whose predecessor's hash is prevHash. */
export function linkHash(prevHash: string, digest: string): string {
  return sha256(prevHash + digest);
}

/** Hashes for records appended after `prevHash`, in order. */
export function sealRecords(prevHash: string, records: ChainedContent[]): { prevHash: string; hash: string }[] {
  let last = prevHash;
  return records.map((r) => {
    const link = { prevHash: last, hash: linkHash(last, contentDigest(r)) };
    last = link.hash;
    return link;
  });
}

export interface ChainRecord extends ChainedContent {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

export type ChainBreakKind = 'content' | 'link' | 'unsealed' | 'head' | 'anchor';

/** The first broken link: which record, what is wrong, in English and Korean. */
export interface ChainBreak {
  kind: ChainBreakKind;
  /** the record at which the chain breaks (null: the break is at the head, past the last record) */
  recordId: number | null;
  /** its position in the chain (1-based) */
  position: number;
  message: string;
  message_ko: string;
}

/** A point of the chain recorded earlier (e.g. printed by verify-audit into a log): record n had this hash. */
export interface ChainAnchor {
  position: number;
  hash: string;
}

/**
 * Walks the chain record by record (in id order, which is chain order: records are appended under
 * the head's lock) and stops at the first broken link. Feed it with `next`, then call `end` with
 * the head read before the walk began.
 */
export class ChainWalk {
  private last = GENESIS_HASH;
  private lastId: number | null = null;
  private count = 0;
  broken: ChainBreak | null = null;

  constructor(private readonly anchor?: ChainAnchor) {}

  get position(): number {
    return this.count;
  }

  get lastHash(): string {
    return this.last;
  }

  /** Checks one more record; returns false once the chain is broken. */
  next(r: ChainRecord): boolean {
    if (this.broken) return false;
    const position = this.count + 1;
    const after = this.lastId === null ? 'the start of the chain' : `record #${this.lastId}`;
    const afterKo = this.lastId === null ? '체인의 시작' : `기록 #${this.lastId}`;
    if (!r.hash || !r.prevHash) {
      return this.fail({
        kind: 'unsealed',
        recordId: r.id,
        position,
        message: `audit record #${r.id} carries no hash: it was not written through the audit trail`,
        message_ko: `감사기록 #${r.id}에 해시가 없습니다: 감사기록 경로로 기록되지 않았습니다`,
      });
    }
    if (r.prevHash !== this.last) {
      return this.fail({
        kind: 'link',
        recordId: r.id,
        position,
        message: `audit record #${r.id} does not follow ${after}: its predecessor's hash is not the one it was chained to (a record before it was changed, removed or inserted)`,
        message_ko: ko`감사기록 #${r.id}이/가 ${afterKo}에 이어지지 않습니다: 앞 기록이 변경·삭제되었거나 기록이 끼워 넣어졌습니다`,
      });
    }
    if (linkHash(r.prevHash, contentDigest(r)) !== r.hash) {
      return this.fail({
        kind: 'content',
        recordId: r.id,
        position,
        message: `audit record #${r.id} was changed after it was written: its content no longer gives its hash`,
        message_ko: ko`감사기록 #${r.id}이/가 기록된 뒤 변경되었습니다: 내용이 해시와 맞지 않습니다`,
      });
    }
    if (this.anchor && position === this.anchor.position && r.hash !== this.anchor.hash) {
      return this.fail({
        kind: 'anchor',
        recordId: r.id,
        position,
        message: `audit record #${r.id} (position ${position}) does not have the hash recorded earlier for that position: the chain up to it was rewritten`,
        message_ko: `감사기록 #${r.id}(${position}번째)의 해시가 앞서 기록해 둔 값과 다릅니다: 그때까지의 체인이 다시 쓰였습니다`,
      });
    }
    this.last = r.hash;
    this.lastId = r.id;
    this.count = position;
    return true;
  }

  /** After the walk: the chain must end where its head says (no record at the end removed). */
  end(head: { records: number; hash: string }): ChainBreak | null {
    if (this.broken) return this.broken;
    if (this.count !== head.records || this.last !== head.hash) {
      const [why, whyKo] =
        this.count < head.records
          ? ['records at the end were removed', '끝의 기록이 삭제되었습니다']
          : this.count > head.records
            ? ['records were added without going through the audit trail', '감사기록 경로를 거치지 않고 기록이 추가되었습니다']
            : ['the last record or the head was changed', '마지막 기록이나 체인 머리가 변경되었습니다'];
      this.broken = {
        kind: 'head',
        recordId: null,
        position: this.count + 1,
        message: `the chain ends after ${this.count} records${this.lastId === null ? '' : ` (last #${this.lastId})`} in ${this.last.slice(0, 12)}…, but its head says ${head.records} records ending in ${head.hash.slice(0, 12)}…: ${why}`,
        message_ko: `체인이 기록 ${this.count}건에서 끝나지만 체인 머리에는 ${head.records}건으로 되어 있습니다: ${whyKo}`,
      };
    } else if (this.anchor && this.anchor.position > this.count) {
      this.broken = {
        kind: 'anchor',
        recordId: null,
        position: this.anchor.position,
        message: `the chain has ${this.count} records, fewer than the ${this.anchor.position} recorded earlier: records were removed`,
        message_ko: `체인의 기록이 ${this.count}건으로, 앞서 기록해 둔 ${this.anchor.position}건보다 적습니다: 기록이 삭제되었습니다`,
      };
    }
    return this.broken;
  }

  private fail(b: ChainBreak): false {
    this.broken = b;
    return false;
  }
}
