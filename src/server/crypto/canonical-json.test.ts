import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical-json.js';

describe('canonicalize', () => {
  it('sorts keys at every level, keeps array order and writes no whitespace', () => {
    expect(canonicalize({ b: 1, a: [3, { d: true, c: null }], 事件: '受理' })).toBe('{"a":[3,{"c":null,"d":true}],"b":1,"事件":"受理"}');
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    // 'B' (0x42) < 'a' (0x61) < 'é' (0xe9) < '中' (0x4e2d); a surrogate pair (0xd83d…) sorts before U+FF01
    expect(canonicalize({ a: 1, B: 2, 中: 3, é: 4, '！': 5, '😀': 6 })).toBe('{"B":2,"a":1,"é":4,"中":3,"😀":6,"！":5}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalize([-0, 1.5, 1e21, 0.1 + 0.2, 'a"b\\c\n\u0001/'])).toBe('[0,1.5,1e+21,0.30000000000000004,"a\\"b\\\\c\\n\\u0001/"]');
  });

  it('leaves out undefined members, so a stored JSON text parses back to the same form', () => {
    const value = { a: 1, b: undefined, c: { d: undefined } };
    expect(canonicalize(value)).toBe('{"a":1,"c":{}}');
    expect(canonicalize(JSON.parse(JSON.stringify(value)))).toBe(canonicalize(value));
  });

  it('accepts null-prototype objects and shared (non-cyclic) references', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.x = 1;
    const shared = { y: 2 };
    expect(canonicalize({ bare, p: shared, q: shared })).toBe('{"bare":{"x":1},"p":{"y":2},"q":{"y":2}}');
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['bigint', { n: 1n }],
    ['a Date', { at: new Date(0) }],
    ['a Map', { m: new Map() }],
    ['a Buffer', { b: Buffer.from('x') }],
    ['a function', { f: () => 1 }],
    ['undefined in an array', [undefined]],
    ['undefined at the top', undefined],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalize(value)).toThrow(TypeError);
  });

  it('refuses a cycle', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalize(a)).toThrow(/cycle at \$\.self/);
  });
});
