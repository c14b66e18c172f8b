/**
 * Canonical JSON: the byte form that the case-event hash chain hashes. It is part of the
 * record's format — a row written today must still verify in ten years — so it is defined
 * exactly here and must never change (a new form would need a new chain format version).
 *
 * canonicalize(value) returns a string; the hashed bytes are its UTF-8 encoding. The form is
 * RFC 8785 (JSON Canonicalization Scheme) restricted to the values below:
 *   - null, true, false                → `null`, `true`, `false`
 *   - a finite number                  → ECMAScript Number::toString, as JSON.stringify writes it
 *                                         (shortest round-trip form; -0 → `0`; 1e21 → `1e+21`)
 *   - a string                         → JSON.stringify: `"` and `\` escaped, U+0000–U+001F as
 *                                         \b \f \n \r \t or \u00xx (lower-case hex), a lone surrogate
 *                                         as \udxxx; every other character literal (no \u escapes for
 *                                         Chinese, `/` not escaped)
 *   - an array                         → `[` elements joined by `,` `]`, order kept
 *   - a plain object (prototype Object.prototype or null)
 *                                      → `{` `"key":value` joined by `,` `}`, keys sorted by UTF-16
 *                                         code units (JavaScript's default string order, as RFC 8785);
 *                                         members whose value is undefined are left out (as
 *                                         JSON.stringify does, so a stored JSON text parses back to
 *                                         the same canonical form); symbol keys are ignored
 *   - no whitespace anywhere
 * Refused with a TypeError (rather than silently changed, which would make a row unverifiable):
 * NaN, ±Infinity, bigint, functions, symbols, undefined at the top or inside an array, Date, Map,
 * Buffer or any other class instance, and cycles. Pass instants as ISO-8601 strings and ids larger
 * than 2^53 as strings.
 */

/** Where a refused value sits: `$.data.items[2]`, built only when something is refused. */
type Trail = Array<string | number>;

function fail(trail: Trail, what: string): never {
  const path = trail.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
  throw new TypeError(`canonicalize: ${what} at $${path} cannot be part of a hashed record`);
}

function write(value: unknown, trail: Trail, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(trail, String(value));
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : writeObject(value, trail, seen);
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return fail(trail, `a ${typeof value}`);
  }
}

function writeObject(value: object, trail: Trail, seen: Set<object>): string {
  if (seen.has(value)) fail(trail, 'a cycle');
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      out += (i > 0 ? ',' : '') + write(value[i], trail, seen);
      trail.pop();
    }
    out += ']';
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      fail(trail, `an instance of ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'a class'}`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = '{';
    for (const k of keys) {
      if (record[k] === undefined) continue;
      trail.push(k);
      out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + write(record[k], trail, seen);
      trail.pop();
    }
    out += '}';
  }
  seen.delete(value);
  return out;
}

export function canonicalize(value: unknown): string {
  return write(value, [], new Set());
}
