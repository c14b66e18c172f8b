import { describe, expect, it } from 'vitest';
import { greetingFor, townHour } from './greeting.js';

describe('greeting', () => {
  it('uses the hour in Asia/Shanghai whatever the machine time zone', () => {
    expect(townHour(new Date('2026-03-02T00:30:00Z'))).toBe(8);
    expect(townHour(new Date('2026-03-02T16:00:00Z'))).toBe(0);
  });
  it('picks the greeting by hour', () => {
    expect(greetingFor(4)).toBe('evening');
    expect(greetingFor(5)).toBe('morning');
    expect(greetingFor(11)).toBe('noon');
    expect(greetingFor(13)).toBe('afternoon');
    expect(greetingFor(18)).toBe('evening');
  });
});
