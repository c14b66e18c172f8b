import { describe, expect, it } from 'vitest';
import { periodRange } from './period.js';

describe('assessment periods', () => {
  it('turns months, quarters and years into inclusive local date ranges', () => {
    expect(periodRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('refuses what is not a period', () => {
    for (const p of ['2026-13', '2026-Q5', '26', '2026-1', 'last month', '']) expect(periodRange(p)).toBeNull();
  });
});
