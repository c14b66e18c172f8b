/** The annual ranking as the report lists it: ranked units by place, then those not ranked (too few cases) by name. */
import type { AnnualAssessmentDto } from '../../api/assessment.js';

type AnnualUnit = AnnualAssessmentDto['units'][number];

export function reportOrder(units: readonly AnnualUnit[]): AnnualUnit[] {
  const ranked = units.filter((u) => u.rank !== null).sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name, 'zh-CN'));
  const rest = units.filter((u) => u.rank === null).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return [...ranked, ...rest];
}

/** 86.4 for a score; — when nothing could be counted. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : (Math.round(score * 10) / 10).toFixed(1);
}

/** The year the page asks for (?year=2026), or this year. */
export function yearFromQuery(v: unknown, today: string): number {
  const y = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  return y >= 2000 && y <= 2100 ? y : Number(today.slice(0, 4));
}
