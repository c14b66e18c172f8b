import { describe, expect, it } from 'vitest';
import { charBigrams, textSimilarity } from './similarity.js';

describe('charBigrams', () => {
  it('drops punctuation and spaces before pairing characters', () => {
    expect([...charBigrams('井盖，缺失！')]).toEqual(['井盖', '盖缺', '缺失']);
    expect([...charBigrams('灯')]).toEqual(['灯']);
    expect(charBigrams('，。 ').size).toBe(0);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same text up to punctuation and 0 for nothing shared', () => {
    expect(textSimilarity('小区门口井盖缺失', '小区门口，井盖缺失！')).toBe(1);
    expect(textSimilarity('路灯不亮', '噪声扰民')).toBe(0);
    expect(textSimilarity('', '路灯不亮')).toBe(0);
  });

  it('computes the bigram Jaccard by hand', () => {
    // 路灯不亮: {路灯, 灯不, 不亮}; 路灯坏了: {路灯, 灯坏, 坏了}; shared 1 of 5 distinct
    expect(textSimilarity('路灯不亮', '路灯坏了')).toBeCloseTo(1 / 5, 10);
    // 北沿公路路灯不亮 (7 bigrams) vs 北沿公路路灯还是不亮 (9 bigrams): shared 北沿 沿公 公路 路路 路灯 不亮 = 6
    expect(textSimilarity('北沿公路路灯不亮', '北沿公路路灯还是不亮')).toBeCloseTo(6 / (7 + 9 - 6), 10);
  });
});
