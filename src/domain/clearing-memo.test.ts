import { describe, expect, it } from 'vitest';
import { ClearingMemo } from './clearing-memo.js';

describe('ClearingMemo', () => {
  it('makes an answer once per key and gives it back after', () => {
    const memo = new ClearingMemo<string, string[]>(10);
    let made = 0;
    const make = (k: string) => (made++, k.split(''));
    const first = memo.get('ab', make);
    expect(memo.get('ab', make)).toBe(first);
    expect(made).toBe(1);
  });

  it('lets everything go when full, so it never holds more than its limit', () => {
    const memo = new ClearingMemo<number, number>(3);
    let made = 0;
    const square = (n: number) => (made++, n * n);
    for (const n of [1, 2, 3]) memo.get(n, square);
    expect(memo.size).toBe(3);
    expect(memo.get(4, square)).toBe(16);
    expect(memo.size).toBe(1);
    expect(memo.get(1, square)).toBe(1);
    expect(made).toBe(5);
  });
});
