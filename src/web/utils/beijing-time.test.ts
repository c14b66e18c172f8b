import { describe, expect, it } from 'vitest';
import { beijingTime } from './beijing-time.js';

describe('beijingTime', () => {
  it('shows UTC instants in Beijing time (UTC+8), across midnight', () => {
    expect(beijingTime('2026-11-25T18:30:00.000Z')).toBe('2026-11-26 02:30');
    expect(beijingTime('2026-01-01T00:05:00Z')).toBe('2026-01-01 08:05');
  });
  it('is empty for no time and passes through what is not a time', () => {
    expect(beijingTime(null)).toBe('');
    expect(beijingTime('soon')).toBe('soon');
  });
});
