import { describe, expect, it } from 'vitest';
import { withProps } from './with-props.js';

describe('withProps', () => {
  it('makes what { ...base, ...extra } makes: the same keys in the same order, an overridden key where base had it', () => {
    const base = { id: 'c1', status: 'reported', lng: '121.5', nested: { a: 1 } };
    const made = withProps(base, { lng: 121.5, rank: 2 });
    expect(JSON.stringify(made)).toBe(JSON.stringify({ ...base, lng: 121.5, rank: 2 }));
    expect(Object.keys(made)).toEqual(['id', 'status', 'lng', 'nested', 'rank']);
    expect(made.nested).toBe(base.nested);
  });

  it('leaves the base as it was and returns a new plain object', () => {
    const base = Object.freeze({ a: 1, b: 2 });
    const made = withProps(base, { b: 3 });
    expect(base).toEqual({ a: 1, b: 2 });
    expect(made).toEqual({ a: 1, b: 3 });
    expect(made).not.toBe(base);
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(Object.isFrozen(made)).toBe(false);
  });
});
