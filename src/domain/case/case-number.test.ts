import { describe, expect, it } from 'vitest';
import { caseNumber } from './case-number.js';

describe('caseNumber', () => {
  it('is the local day and the day’s count, five digits wide', () => {
    expect(caseNumber('2026-11-26', 42)).toBe('2026112600042');
    expect(caseNumber('2027-01-01', 1)).toBe('2027010100001');
    expect(caseNumber('2026-11-26', 123456)).toBe('20261126123456');
  });
});
