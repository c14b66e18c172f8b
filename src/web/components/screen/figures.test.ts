import { describe, expect, it } from 'vitest';
import { ageOf, fitCanvas, formatCount, formatRate } from './figures.js';

describe('screen figures', () => {
  it('writes counts with separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('writes rates as percentages with one decimal only when needed, and a dash when undefined', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.8734)).toBe('87.3%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(0.5)).toBe('50%');
  });

  it('says how old a case is in minutes, hours, then days', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(ageOf('2026-11-25T09:59:30Z', now)).toEqual({ unit: 'minute', n: 0 });
    expect(ageOf('2026-11-25T09:15:00Z', now)).toEqual({ unit: 'minute', n: 45 });
    expect(ageOf('2026-11-25T07:00:00Z', now)).toEqual({ unit: 'hour', n: 3 });
    expect(ageOf('2026-11-23T11:00:00Z', now)).toEqual({ unit: 'hour', n: 47 });
    expect(ageOf('2026-11-20T10:00:00Z', now)).toEqual({ unit: 'day', n: 5 });
    // a clock a little behind the server's never shows a negative age
    expect(ageOf('2026-11-25T10:00:05Z', now)).toEqual({ unit: 'minute', n: 0 });
  });

  it('fits the 1920×1080 canvas into every wall size whole and centred', () => {
    const canvas = { width: 1920, height: 1080 };
    expect(fitCanvas({ width: 1920, height: 1080 }, canvas)).toEqual({ scale: 1, left: 0, top: 0 });
    expect(fitCanvas({ width: 3840, height: 2160 }, canvas)).toEqual({ scale: 2, left: 0, top: 0 });
    const small = fitCanvas({ width: 1366, height: 768 }, canvas);
    // 1366×768 is a shade wider than 16:9: the height decides, a few pixels are left at the sides
    expect(small.scale).toBeCloseTo(768 / 1080, 6);
    expect(1920 * small.scale).toBeLessThanOrEqual(1366);
    expect(small.top).toBe(0);
    expect(small.left).toBeCloseTo((1366 - 1920 * small.scale) / 2, 6);
    // a taller screen letterboxes above and below, a wider one at the sides
    expect(fitCanvas({ width: 1920, height: 1200 }, canvas)).toEqual({ scale: 1, left: 0, top: 60 });
    expect(fitCanvas({ width: 2560, height: 1080 }, canvas)).toEqual({ scale: 1, left: 320, top: 0 });
  });
});
