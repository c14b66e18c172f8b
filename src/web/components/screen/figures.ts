/** How the screen writes its figures: counts with thousands separators, shares as percentages, ages in words. */

/** 12345 → "12,345" */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 0.8734 → "87.3%"; 1 → "100%"; null (nothing to divide by) → "—" */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const pct = Math.round(rate * 1000) / 10;
  return `${pct % 1 === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export interface Age {
  unit: 'minute' | 'hour' | 'day';
  n: number;
}

/** How long since `fromIso`: whole minutes under an hour, hours under two days, then days (never negative). */
export function ageOf(fromIso: string, now: number): Age {
  const ms = Math.max(0, now - Date.parse(fromIso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return { unit: 'minute', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hour', n: hours };
  return { unit: 'day', n: Math.floor(hours / 24) };
}

/** The largest scale at which a design canvas fits the viewport whole, and where it sits (centred). */
export function fitCanvas(viewport: { width: number; height: number }, canvas: { width: number; height: number }): { scale: number; left: number; top: number } {
  const scale = Math.min(viewport.width / canvas.width, viewport.height / canvas.height);
  return { scale, left: (viewport.width - canvas.width * scale) / 2, top: (viewport.height - canvas.height * scale) / 2 };
}
