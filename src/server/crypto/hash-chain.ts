/**
 * The record's hash chain, in one import: SM3 over canonical JSON, linked row to row.
 *   canonical-json.ts  the exact byte form of a payload (part of the record format)
 *   chain-link.ts      chainHash, GENESIS, nextLink for the writer
 *   chain-verifier.ts  verifyChain for `cityops audit verify`, and which columns to store
 */
export { canonicalize } from './canonical-json.js';
export { chainHash, EMPTY_HEAD, GENESIS, isChainHash, nextLink, sm3Hex, type ChainHead, type ChainLink } from './chain-link.js';
export {
  ChainVerifier,
  verifyChain,
  verifyChainAsync,
  type ChainBreakReason,
  type ChainRow,
  type ChainVerdict,
  type VerifyChainOptions,
} from './chain-verifier.js';
