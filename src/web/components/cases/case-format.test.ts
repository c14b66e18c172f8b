import { describe, expect, it } from 'vitest';
import { beijingTime, maskName, maskPhone } from './case-format.js';

describe('case formatting', () => {
  it('shows the time in Beijing whatever the machine zone (UTC 16:30 is 00:30 next day)', () => {
    expect(beijingTime('2026-11-25T16:30:00Z')).toBe('2026-11-26 00:30');
    expect(beijingTime('2026-01-01T00:05:00+08:00')).toBe('2026-01-01 00:05');
  });
  it('keeps an unparseable time as it came', () => {
    expect(beijingTime('not a time')).toBe('not a time');
  });
  it('masks the middle of a phone and all but the family name', () => {
    expect(maskPhone('13916720835')).toBe('139****0835');
    expect(maskPhone('139****0835')).toBe('139****0835');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
