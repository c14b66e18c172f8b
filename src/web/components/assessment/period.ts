/**
 * The assessment's period as the pages keep it in the URL: a month (?period=2026-11), a quarter
 * (2026-Q4), a year (2026) or a custom range (?from=2026-11-03&to=2026-11-20). The API takes the
 * same words (src/contracts/assessment.ts); the ranges come from the domain's periodRange.
 */
import { periodRange, type DayRange } from '../../../domain/assessment/period.js';

export const periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export type Period = { kind: 'month' | 'quarter' | 'year'; period: string } | { kind: 'custom'; from: string; to: string };

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function kindOfPeriod(period: string): 'month' | 'quarter' | 'year' | null {
  if (periodRange(period) === null) return null;
  if (/^\d{4}$/.test(period)) return 'year';
  return period.includes('-Q') ? 'quarter' : 'month';
}

/** The period a URL asks for; this month (of `today`, a local date) when it asks for none or nonsense. */
export function periodFromQuery(query: Record<string, unknown>, today: string): Period {
  const p = query.period;
  if (typeof p === 'string') {
    const kind = kindOfPeriod(p);
    if (kind) return { kind, period: p };
  }
  if (isDay(query.from) && isDay(query.to) && query.from <= query.to) return { kind: 'custom', from: query.from, to: query.to };
  return { kind: 'month', period: today.slice(0, 7) };
}

/** The query words of a period, for the URL and for the API alike. */
export function periodQuery(p: Period): { period: string } | { from: string; to: string } {
  return p.kind === 'custom' ? { from: p.from, to: p.to } : { period: p.period };
}

export function rangeOf(p: Period): DayRange {
  return p.kind === 'custom' ? { from: p.from, to: p.to } : periodRange(p.period)!;
}

/** The year a period falls in (a custom range: the year it ends in). */
export function yearOf(p: Period): number {
  return Number(rangeOf(p).to.slice(0, 4));
}

/** The twelve months of a year: '2026-01' … '2026-12'. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Switching the kind keeps the place in time: 2026-11 → 2026-Q4 → 2026 → 2026-01-01…2026-12-31. */
export function switchKind(p: Period, kind: PeriodKind): Period {
  const { from, to } = rangeOf(p);
  const year = to.slice(0, 4);
  const month = Number(to.slice(5, 7));
  switch (kind) {
    case 'month':
      return { kind, period: to.slice(0, 7) };
    case 'quarter':
      return { kind, period: `${year}-Q${Math.ceil(month / 3)}` };
    case 'year':
      return { kind, period: year };
    case 'custom':
      return { kind, from, to };
  }
}

/** How a period reads: 2026年11月, 2026年第4季度, 2026年度, 2026-11-03 至 2026-11-20. */
export function periodLabel(p: Period, zh: boolean): string {
  if (p.kind === 'custom') return zh ? `${p.from} 至 ${p.to}` : `${p.from} to ${p.to}`;
  const [year, rest] = p.period.split('-');
  if (p.kind === 'year') return zh ? `${year}年度` : `Year ${year}`;
  if (p.kind === 'quarter') return zh ? `${year}年第${rest!.slice(1)}季度` : `${year} ${rest}`;
  return zh ? `${year}年${Number(rest)}月` : p.period;
}
