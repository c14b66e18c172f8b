/**
 * Verifies one hash chain (hash-chain.ts). The same check serves both chains the record keeps:
 *   - per case: each case's events, seq 1..n within the case;
 *   - town-wide: all events of the town, seq 1..N in commit order.
 * For each chain a row stores three columns, e.g. for an event table
 *   case_seq, case_prev_hash, case_hash      (UNIQUE (case_id, case_seq))
 *   global_seq, global_prev_hash, global_hash (UNIQUE (town_id, global_seq))
 * plus the payload exactly as hashed (best: a TEXT column holding canonicalize(payload); not jsonb
 * and no number wider than 2^53), and, in a separate table updated in the same transaction, each
 * chain's head { seq, hash } — without it, deleting the newest rows cannot be told apart from
 * never having written them. Put the case id and case seq inside the payload, so a row cannot be
 * moved to another case unnoticed.
 *
 * Feed rows ordered by seq (or in any stored order: rows out of seq order are reported as
 * 'reordered'). The verdict's firstBadSeq is the first sequence number the chain cannot vouch for:
 * every row with a smaller seq verified. A writer who rewrites row k AND recomputes the hashes of
 * k..n leaves a self-consistent chain; only the separately stored head (better still, a head hash
 * kept outside the database) reveals that, at the head's seq.
 */
import { chainHash, EMPTY_HEAD, type ChainHead } from './chain-link.js';

export interface ChainRow {
  seq: number;
  hash: string;
  prevHash: string;
  payload: object;
}

export type ChainBreakReason = 'hash_mismatch' | 'broken_link' | 'gap_in_sequence' | 'reordered';

export type ChainVerdict =
  | { ok: true; count: number; head: ChainHead }
  | { ok: false; firstBadSeq: number; reason: ChainBreakReason; count: number };

export interface VerifyChainOptions {
  /** the verified head the rows continue from (a checkpoint); default { seq: 0, hash: GENESIS } */
  from?: ChainHead;
  /** the separately stored head; the rows must end exactly there */
  expectedHead?: ChainHead;
}

/** After the first break, the rest of the input is read only to tell a reorder from a loss. */
type Evidence = { kind: 'seq'; seq: number } | { kind: 'hash'; hash: string };

export class ChainVerifier {
  private head: ChainHead;
  private count = 0;
  private failure: { firstBadSeq: number; reason: ChainBreakReason } | null = null;
  private evidence: Evidence | null = null;

  constructor(private readonly options: VerifyChainOptions = {}) {
    this.head = { ...(options.from ?? EMPTY_HEAD) };
  }

  push(row: ChainRow): void {
    if (!Number.isSafeInteger(row.seq)) {
      throw new TypeError(`verifyChain: seq must be a safe integer, got ${String(row.seq)} (convert bigint/string columns first)`);
    }
    if (this.failure) {
      this.lookForEvidence(row);
      return;
    }
    const expected = this.head.seq + 1;
    if (row.seq < expected) {
      this.fail(expected, 'reordered', null);
    } else if (row.seq > expected) {
      // a gap, unless the missing row turns up later in the input
      this.fail(expected, 'gap_in_sequence', { kind: 'seq', seq: expected });
    } else if (row.prevHash !== this.head.hash) {
      // a broken link, unless this row's real predecessor turns up later (rows swapped)
      this.fail(expected, 'broken_link', { kind: 'hash', hash: row.prevHash });
    } else if (chainHash(row.prevHash, row.payload) !== row.hash) {
      this.fail(expected, 'hash_mismatch', null);
    } else {
      this.head = { seq: row.seq, hash: row.hash };
      this.count += 1;
    }
  }

  finish(): ChainVerdict {
    if (this.failure) return { ok: false, ...this.failure, count: this.count };
    const expectedHead = this.options.expectedHead;
    if (expectedHead) {
      if (this.head.seq < expectedHead.seq) return this.verdict(this.head.seq + 1, 'gap_in_sequence');
      // rows past the attested head were not written through the normal path
      if (this.head.seq > expectedHead.seq) return this.verdict(expectedHead.seq + 1, 'broken_link');
      if (this.head.hash !== expectedHead.hash) return this.verdict(this.head.seq, 'hash_mismatch');
    }
    return { ok: true, count: this.count, head: { ...this.head } };
  }

  private verdict(firstBadSeq: number, reason: ChainBreakReason): ChainVerdict {
    return { ok: false, firstBadSeq, reason, count: this.count };
  }

  private fail(firstBadSeq: number, reason: ChainBreakReason, evidence: Evidence | null): void {
    this.failure = { firstBadSeq, reason };
    this.evidence = evidence;
  }

  private lookForEvidence(row: ChainRow): void {
    const evidence = this.evidence;
    if (!evidence || !this.failure) return;
    const found = evidence.kind === 'seq' ? row.seq === evidence.seq : row.hash === evidence.hash;
    if (found) {
      this.failure = { ...this.failure, reason: 'reordered' };
      this.evidence = null;
    }
  }
}

export function verifyChain(rows: Iterable<ChainRow>, options?: VerifyChainOptions): ChainVerdict {
  const verifier = new ChainVerifier(options);
  for (const row of rows) verifier.push(row);
  return verifier.finish();
}

/** For a database cursor or stream: the town-wide chain can be far too long to hold in memory. */
export async function verifyChainAsync(
  rows: AsyncIterable<ChainRow> | Iterable<ChainRow>,
  options?: VerifyChainOptions,
): Promise<ChainVerdict> {
  const verifier = new ChainVerifier(options);
  for await (const row of rows) verifier.push(row);
  return verifier.finish();
}
