/**
 * `cityops audit verify`: walks the town's hash chain of case events from the first to the stored
 * head and reports the first row that was rewritten, deleted, inserted or reordered.
 */
import { verifyChainAsync, type ChainRow, type ChainVerdict } from '../crypto/hash-chain.js';
import type { Database } from '../db/database.js';
import { chainHead, eventHashPayload, walkChain } from '../db/repositories/case-event-repository.js';

async function* chainRows(database: Database, townId: string, untilSeq: number): AsyncGenerator<ChainRow> {
  for await (const row of walkChain(database.db, townId, untilSeq)) {
    const { hash, ...rest } = row;
    yield { seq: Number(row.seq), hash, prevHash: row.prev_hash, payload: eventHashPayload(rest) };
  }
}

export async function verifyRecord(database: Database, townId: string): Promise<ChainVerdict> {
  const head = await chainHead(database.db, townId);
  if (!head) return verifyChainAsync([]);
  return verifyChainAsync(chainRows(database, townId, head.seq), { expectedHead: head });
}
