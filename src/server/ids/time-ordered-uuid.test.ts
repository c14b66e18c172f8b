import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedUuid } from './time-ordered-uuid.js';

const millisecondOf = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('timeOrderedUuid', () => {
  it('is a valid RFC 9562 version-7 UUID carrying its millisecond', () => {
    const at = Date.UTC(2026, 10, 26, 6, 0, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(millisecondOf(id)).toBe(at);
  });

  it('sorts in the order made, within one millisecond and across a clock step back', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = [
      ...Array.from({ length: 5000 }, () => timeOrderedUuid(at)), // more than the 4 096 a millisecond's counter holds
      timeOrderedUuid(at - 10_000), // the clock stepped back: still after the others
      timeOrderedUuid(at + 60_000),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(millisecondOf(ids[0]!)).toBe(at);
    expect(millisecondOf(ids[4999]!)).toBe(at + 1);
  });
});
