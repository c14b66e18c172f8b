import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isTerm } from './stopwords.js';
import { ClearingMemo } from '../clearing-memo.js';

/**
 * One jieba instance for the process: loading the 5 MB dictionary takes ~150 ms, a cut ~10 µs.
 * Created on first use so that importing the domain costs nothing until text is classified.
 */
let jieba: Jieba | null = null;
const userWords = new Set<string>();

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// High enough that a catalogue phrase (占道经营, 井盖缺失) beats its parts in jieba's path search,
// low enough not to swallow neighbouring characters.
const USER_WORD_FREQ = 20_000;

/**
 * Teach the segmenter catalogue phrases so they come out as one token. Words only accumulate
 * (jieba cannot forget), which is harmless: a longer known word only makes segmentation coarser,
 * and the parts of a word still count (see features()).
 */
export function addUserWords(words: Iterable<string>): void {
  const fresh: string[] = [];
  for (const raw of words) {
    const word = raw.trim();
    // jieba's dictionary format is whitespace-separated, so a word must not contain spaces
    if (word.length < 2 || /\s/.test(word) || userWords.has(word)) continue;
    userWords.add(word);
    fresh.push(`${word} ${USER_WORD_FREQ} n`);
  }
  if (fresh.length === 0) return;
  instance().loadDict(new TextEncoder().encode(`${fresh.join('\n')}\n`));
  partsCache.clear(); // new words change how longer words split
}

/**
 * Weight of each dictionary word found inside a longer word (占道 and 经营 inside 占道经营). Parts
 * let "井盖不见了" meet the keyword 井盖缺失, but count less than a whole word because some parts
 * are accidental (道经 in 占道经营, 动车 in 电动车).
 */
export const PART_WEIGHT = 0.3;

const partsCache = new ClearingMemo<string, string[]>(50_000);

// search mode emits the 2- and 3-character dictionary words inside a word, then the word itself
const searchParts = (word: string): string[] =>
  instance()
    .cutForSearch(word, false)
    .filter((p) => p !== word && isTerm(p));

function partsOf(word: string): string[] {
  return partsCache.get(word, searchParts);
}

/**
 * Weighted terms of a text: each word of jieba's precise cut counts 1, each dictionary word inside a
 * word of three or more characters PART_WEIGHT. Stopwords, punctuation and numbers are dropped.
 * Without HMM, so that unknown words split deterministically and place names do not glue to nouns.
 */
export function features(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const normalized = text.normalize('NFKC');
  if (normalized.trim() === '') return out;
  for (const word of instance().cut(normalized, false)) {
    if (!isTerm(word)) continue;
    out.set(word, (out.get(word) ?? 0) + 1);
    if (word.length < 3) continue;
    for (const part of partsOf(word)) out.set(part, (out.get(part) ?? 0) + PART_WEIGHT);
  }
  return out;
}

/** The terms of a text (words and parts), for display and debugging. */
export function terms(text: string): string[] {
  return [...features(text).keys()];
}
