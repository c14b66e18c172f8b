/**
 * The case-event hash chain (DESIGN D8; 等保 2.0 asks for record integrity): every event row
 * carries the SM3 hash of its predecessor's hash and its own canonical payload, so rewriting or
 * deleting a row breaks every later link. See chain-verifier.ts for the check and the fields
 * a table must store.
 *
 *   hash(row n) = lower-case hex SM3( UTF-8( hash(row n-1) + "\n" + canonicalize(payload n) ) )
 *   hash(row 0) = GENESIS (64 zeros), so the first row's prevHash is GENESIS
 */
import { createHash } from 'node:crypto';
import { canonicalize } from './canonical-json.js';


export const GENESIS = '0'.repeat(64);

/** Where a chain stands: the seq and hash of its last row ({ seq: 0, hash: GENESIS } when empty). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: Readonly<ChainHead> = Object.freeze({ seq: 0, hash: GENESIS });

/** The three chain columns of one row, as the writer stores them. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function isChainHash(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

export function chainHash(previousHash: string, payload: object): string {
  if (!isChainHash(previousHash)) throw new TypeError('chainHash: previousHash must be 64 lower-case hex characters');
  return sm3Hex(`${previousHash}\n${canonicalize(payload)}`);
}

/**
 * The link for the row that follows `head`. The writer must read the head and insert the row in
 * one transaction that serialises writers of that chain (SQLite's single writer does; on
 * PostgreSQL lock the chain's head row with SELECT … FOR UPDATE), and store the new head there too.
 */
export function nextLink(head: ChainHead, payload: object): ChainLink {
  return { seq: head.seq + 1, prevHash: head.hash, hash: chainHash(head.hash, payload) };
}
