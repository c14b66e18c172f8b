/**
 * A progress display on stderr for long CLI runs (seed, simulate): one line redrawn in place on a
 * terminal (at most ten times a second); elsewhere (a pipe, CI) either silence until the final line
 * or a plain line every `everyMs`, so logs stay readable.
 */
export interface ProgressLineOptions {
  stream?: NodeJS.WriteStream;
  /** when not a TTY: print a line this often (0 = only the final line) */
  everyMs?: number;
}

export class ProgressLine {
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly everyMs: number;
  private last = 0;
  private width = 0;

  constructor(options: ProgressLineOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.everyMs = options.everyMs ?? 0;
  }

  /** Shows `text` now if enough time has passed since the last redraw (or `force`). */
  update(text: string, force = false): void {
    const now = performance.now();
    if (this.tty) {
      if (!force && now - this.last < 100) return;
      this.last = now;
      const pad = Math.max(0, this.width - text.length);
      this.width = text.length;
      this.stream.write(`\r${text}${' '.repeat(pad)}`);
      return;
    }
    if (this.everyMs > 0 && (force || now - this.last >= this.everyMs)) {
      this.last = now;
      this.stream.write(`${text}\n`);
    }
  }

  /** The final line, always printed (on a terminal it replaces the progress line). */
  finish(text: string): void {
    if (this.tty) this.stream.write(`\r${text}${' '.repeat(Math.max(0, this.width - text.length))}\n`);
    else this.stream.write(`${text}\n`);
  }
}

/** A bar of `width` cells for a fraction 0…1. */
export function bar(fraction: number, width = 24): string {
  const f = Math.min(1, Math.max(0, fraction));
  const full = Math.round(f * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--:--';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
