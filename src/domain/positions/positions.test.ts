import { describe, expect, it } from 'vitest';
import { freshestPosition, isStalePosition, judgePositionTime } from './positions.js';

const now = new Date('2026-11-25T02:00:00.000Z');

describe('judgePositionTime', () => {
  it('accepts a fix up to 2 minutes ahead of the server (a phone clock running fast)', () => {
    expect(judgePositionTime(new Date('2026-11-25T02:02:00.000Z'), now)).toBe('ok');
    expect(judgePositionTime(new Date('2026-11-25T02:02:00.001Z'), now)).toBe('future');
  });
  it('accepts a fix up to exactly 24 hours old, refuses an older one', () => {
    expect(judgePositionTime(new Date('2026-11-24T02:00:00.000Z'), now)).toBe('ok');
    expect(judgePositionTime(new Date('2026-11-24T01:59:59.999Z'), now)).toBe('too_old');
    expect(judgePositionTime(now, now)).toBe('ok');
  });
});

describe('freshestPosition', () => {
  const gps = { lng: 121.1, lat: 31.1, at: '2026-11-25T01:50:00.000Z', accuracy: 8 };
  const report = { lng: 121.2, lat: 31.2, at: '2026-11-25T01:40:00.000Z', caseNo: 'X' };
  it('takes the newer of the two', () => {
    expect(freshestPosition(gps, report)).toEqual({ source: 'gps', position: gps });
    const laterReport = { ...report, at: '2026-11-25T01:55:00.000Z' };
    expect(freshestPosition(gps, laterReport)).toEqual({ source: 'report', position: laterReport });
  });
  it('prefers the GPS fix on a tie, and takes whichever exists alone', () => {
    expect(freshestPosition(gps, { ...report, at: gps.at })?.source).toBe('gps');
    expect(freshestPosition(null, report)?.source).toBe('report');
    expect(freshestPosition(gps, undefined)?.source).toBe('gps');
    expect(freshestPosition(null, null)).toBeNull();
  });
  it('compares instants, not strings (an offset-written time)', () => {
    // 09:55+08:00 is 01:55Z: later than the 01:50Z fix
    expect(freshestPosition(gps, { ...report, at: '2026-11-25T09:55:00+08:00' })?.source).toBe('report');
  });
});

describe('isStalePosition', () => {
  it('is stale only beyond 15 minutes', () => {
    expect(isStalePosition('2026-11-25T01:45:00.000Z', now)).toBe(false);
    expect(isStalePosition('2026-11-25T01:44:59.999Z', now)).toBe(true);
  });
});
