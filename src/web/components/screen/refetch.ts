/**
 * Coalesces a stream of "something changed" into refetches: at most one in flight; a call while one
 * runs asks for exactly one more after it (trailing); a first call waits `delayMs` so a burst of
 * events costs one fetch. With delayMs ≈ 150 and a fetch of a few ms, a change shows well within 1 s.
 */
export interface Refetcher {
  call(): void;
  cancel(): void;
  /** a fetch is running or waiting */
  readonly busy: boolean;
}

export function coalescedRefetch(run: () => Promise<unknown>, delayMs: number): Refetcher {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let cancelled = false;
  const start = async (): Promise<void> => {
    timer = null;
    running = true;
    try {
      await run();
    } catch {
      // the caller shows its own error state; the next event tries again
    } finally {
      running = false;
    }
    if (again && !cancelled) {
      again = false;
      schedule();
    }
  };
  const schedule = (): void => {
    timer = setTimeout(() => void start(), delayMs);
  };
  return {
    call() {
      cancelled = false;
      if (running) again = true;
      else if (!timer) schedule();
    },
    cancel() {
      cancelled = true;
      again = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get busy() {
      return running || timer !== null;
    },
  };
}
