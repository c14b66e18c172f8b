import { describe, expect, it } from 'vitest';
import { findNul } from './reject-nul.js';

describe('findNul', () => {
  it('names the first string holding U+0000, in objects and arrays', () => {
    expect(findNul({ a: 'ok', b: { c: ['x', 'y\u0000'] } }, 'body')).toBe('body.b.c.1');
    expect(findNul('\u0000', 'query')).toBe('query');
  });

  it('passes text without NUL, numbers, null and buffers', () => {
    expect(findNul({ a: '东平镇', b: 1, c: null, d: [true] }, 'body')).toBeNull();
    expect(findNul(Buffer.from([0, 0, 0]), 'body')).toBeNull();
    expect(findNul(undefined, 'params')).toBeNull();
  });
});
