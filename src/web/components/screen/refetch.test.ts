import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedRefetch } from './refetch.js';

describe('coalescedRefetch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** a fetch that takes `ms` and counts how many ran and how many ran at once */
  const slowFetch = (ms: number) => {
    const s = { runs: 0, inFlight: 0, maxInFlight: 0 };
    const run = async () => {
      s.runs++;
      s.inFlight++;
      s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
      await new Promise((r) => setTimeout(r, ms));
      s.inFlight--;
    };
    return { s, run };
  };

  it('turns a burst into one fetch after the delay', async () => {
    const { s, run } = slowFetch(10);
    const r = coalescedRefetch(run, 150);
    for (let i = 0; i < 100; i++) r.call();
    expect(s.runs).toBe(0);
    await vi.advanceTimersByTimeAsync(149);
    expect(s.runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.runs).toBe(1);
    expect(r.busy).toBe(false);
  });

  it('never runs two at once, and a call during a fetch gets exactly one trailing fetch', async () => {
    const { s, run } = slowFetch(400);
    const r = coalescedRefetch(run, 100);
    r.call();
    await vi.advanceTimersByTimeAsync(100);
    expect(s.runs).toBe(1);
    for (let i = 0; i < 50; i++) r.call();
    await vi.advanceTimersByTimeAsync(399);
    expect(s.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1 + 100);
    expect(s.runs).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.runs).toBe(2);
    expect(s.maxInFlight).toBe(1);
  });

  it('keeps going after a failed fetch', async () => {
    let n = 0;
    const r = coalescedRefetch(async () => {
      n++;
      throw new Error('offline');
    }, 50);
    r.call();
    await vi.advanceTimersByTimeAsync(50);
    r.call();
    await vi.advanceTimersByTimeAsync(50);
    expect(n).toBe(2);
  });

  it('runs nothing after cancel', async () => {
    const { s, run } = slowFetch(10);
    const r = coalescedRefetch(run, 100);
    r.call();
    r.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.runs).toBe(0);
  });
});
