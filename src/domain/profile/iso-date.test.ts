import { describe, expect, it } from 'vitest';
import { isoDate } from './schema.js';

describe('profile dates', () => {
  it('accept the days that exist', () => {
    for (const d of ['2026-11-25', '2028-02-29', '2026-12-31']) expect(isoDate.safeParse(d).success, d).toBe(true);
  });
  it('refuse the ones that do not, with the reason', () => {
    for (const d of ['2026-13-01', '2026-02-30', '2027-02-29', '2026-00-10', '2026-1-5']) {
      const r = isoDate.safeParse(d);
      expect(r.success, d).toBe(false);
    }
    expect(isoDate.safeParse('2026-02-30').error?.issues[0]?.message).toBe('no such date');
  });
});
