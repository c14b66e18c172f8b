/**
 * Wakes the event-stream connections when new case events have been committed. The events
 * themselves are always read from the database (in seq order, from Last-Event-ID), so a wake-up
 * can be lost or doubled without a client missing or repeating an event.
 */
export type Wakeup = () => void;

export class EventHub {
  private readonly listeners = new Set<Wakeup>();
  private scheduled = false;

  subscribe(listener: Wakeup): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Called after a commit; coalesces a burst of commits into one wake-up per tick. */
  notify(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const l of this.listeners) l();
    });
  }
}
