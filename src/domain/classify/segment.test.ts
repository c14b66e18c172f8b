import { describe, expect, it } from 'vitest';
import { PART_WEIGHT, addUserWords, features, terms } from './segment.js';
import { isTerm } from './stopwords.js';

describe('features', () => {
  it('drops punctuation, numbers, Latin letters and hotline boilerplate', () => {
    const t = terms('市民来电反映：12345，小区门口井盖不见了，希望尽快处理！OK');
    expect(t).toContain('井盖');
    expect(t).toContain('小区');
    for (const noise of ['市民', '来电', '反映', '希望', '尽快', '处理', '12345', '：', '，', 'OK']) expect(t).not.toContain(noise);
  });

  it('counts whole words 1 and the dictionary words inside a longer word PART_WEIGHT', () => {
    const f = features('消防通道');
    expect(f.get('消防通道')).toBe(1);
    expect(f.get('消防')).toBe(PART_WEIGHT);
    expect(f.get('通道')).toBe(PART_WEIGHT);
  });

  it('adds up repeated words', () => {
    expect(features('垃圾，垃圾，到处是垃圾').get('垃圾')).toBe(3);
  });

  it('returns nothing for blank text', () => {
    expect(features('  \n').size).toBe(0);
  });
});

describe('addUserWords', () => {
  it('makes a catalogue phrase one token, its parts still counted', () => {
    // an invented phrase, so that no other test has taught it already
    const phrase = '乱拉电线飞线';
    expect(features(`楼道里有人${phrase}充电`).has(phrase)).toBe(false);
    addUserWords([phrase, ' ', 'a b']);
    const f = features(`楼道里有人${phrase}充电`);
    expect(f.get(phrase)).toBe(1);
    expect(f.get('电线')).toBe(PART_WEIGHT);
  });
});

describe('isTerm', () => {
  it('keeps Chinese content words and drops function words', () => {
    expect(isTerm('井盖')).toBe(true);
    expect(isTerm('吵')).toBe(true);
    expect(isTerm('的')).toBe(false);
    expect(isTerm('2025')).toBe(false);
    expect(isTerm('')).toBe(false);
  });
});
