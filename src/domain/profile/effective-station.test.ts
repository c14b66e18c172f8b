import { describe, expect, it } from 'vitest';
import { effectiveStation, isInForce } from './effective-station.js';

const expo = { code: 'HBY', temporary: true, validFrom: '2021-03-01', validTo: '2021-07-31', takesOverGrids: ['310151115001004'] };
const df = { code: 'DF', temporary: false, validFrom: null, validTo: null, takesOverGrids: [] };

describe('effectiveStation', () => {
  it('gives a taken-over grid to the temporary station only inside its validity period (inclusive)', () => {
    expect(effectiveStation('310151115001004', 'DF', [df, expo], '2021-02-28')).toBe('DF');
    expect(effectiveStation('310151115001004', 'DF', [df, expo], '2021-03-01')).toBe('HBY');
    expect(effectiveStation('310151115001004', 'DF', [df, expo], '2021-07-31')).toBe('HBY');
    expect(effectiveStation('310151115001004', 'DF', [df, expo], '2021-08-01')).toBe('DF');
  });
  it('leaves other grids with their permanent station', () => {
    expect(effectiveStation('310151115001001', 'DF', [df, expo], '2021-05-21')).toBe('DF');
  });
  it('treats permanent stations as always in force', () => {
    expect(isInForce(df, '1999-01-01')).toBe(true);
    expect(isInForce(expo, '2026-11-25')).toBe(false);
  });
});
