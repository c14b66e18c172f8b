import { describe, expect, it } from 'vitest';
import { randomBytesPooled } from './random-pool.js';

describe('randomBytesPooled', () => {
  it('hands out distinct values of the asked size, across block boundaries, and never changes one handed out', () => {
    const first = randomBytesPooled(16);
    const copy = Buffer.from(first);
    const seen = new Set<string>([first.toString('hex')]);
    for (let i = 0; i < 1000; i++) {
      const v = randomBytesPooled(16);
      expect(v.length).toBe(16);
      seen.add(v.toString('hex'));
    }
    expect(seen.size).toBe(1001);
    expect(first.equals(copy)).toBe(true);
  });

  it('looks random: every byte value turns up, none far more than its share', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4096; i++) for (const b of randomBytesPooled(16)) counts[b]!++;
    // 65 536 bytes: 256 expected per value; a fair source stays well inside 150–370
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(370);
  });

  it('refuses more than a block', () => {
    expect(() => randomBytesPooled(4097)).toThrow(RangeError);
  });
});
