import { ClearingMemo } from '../clearing-memo.js';

// Punctuation, whitespace and symbols carry no subject; dropping them keeps "井盖缺失！" and
// "井盖缺失" identical.
const NOISE = /[\s\p{P}\p{S}]+/gu;

/**
 * The texts met lately and their bigrams: an intake compares its text with its candidates', and the
 * same recent cases are candidates of many intakes (each text's set is made once, not at every
 * comparison). Cleared when full.
 */
const recentGrams = new ClearingMemo<string, ReadonlySet<string>>(5_000);

/** The set of character bigrams of a text (a single character counts as its own unit); shared, not to be changed. */
export function charBigrams(text: string): ReadonlySet<string> {
  return recentGrams.get(text, bigramsOf);
}

function bigramsOf(text: string): Set<string> {
  const chars = Array.from(text.normalize('NFKC').toLowerCase().replace(NOISE, ''));
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/**
 * Jaccard similarity of character bigrams, in [0, 1]. Bigrams work for Chinese without a
 * segmenter and are robust to the small rewordings of a caller ringing back about the same thing.
 */
export function textSimilarity(a: string, b: string): number {
  return bigramJaccard(charBigrams(a), charBigrams(b));
}

/** Jaccard of two bigram sets; lets a caller compute one side's set once for many comparisons. */
export function bigramJaccard(ga: ReadonlySet<string>, gb: ReadonlySet<string>): number {
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  for (const g of small) if (large.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}
