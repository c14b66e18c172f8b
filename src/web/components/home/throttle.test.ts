import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.js';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-09T01:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and a burst once more when the window ends', () => {
    let runs = 0;
    const t = throttle(() => runs++, 2000);
    t.call();
    expect(runs).toBe(1);
    for (let i = 0; i < 5; i++) t.call();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1999);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(2);
    t.call();
    expect(runs).toBe(3);
  });

  it('runs nothing after cancel', () => {
    let runs = 0;
    const t = throttle(() => runs++, 2000);
    t.call();
    t.call();
    t.cancel();
    vi.advanceTimersByTime(3000);
    expect(runs).toBe(1);
  });
});
