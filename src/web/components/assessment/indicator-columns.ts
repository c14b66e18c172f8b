/**
 * The columns of the assessment's tables and what each number counts, so every number leads to
 * its cases: a count is one metric of GET /assessment/cases; a rate is a numerator over a
 * denominator, each made of such counts (按期结案率 = 按期结案 ÷ (应结案 − 挂账)).
 */
import type { z } from 'zod';
import type { AssessmentMetric, inspectorIndicatorsDto, stationIndicatorsDto, unitIndicatorsDto } from '../../../contracts/assessment.js';
import type { AssessmentSubject } from '../../../domain/assessment/event-facts.js';

export type UnitIndicators = z.infer<typeof unitIndicatorsDto>;
export type StationIndicators = z.infer<typeof stationIndicatorsDto>;
export type InspectorIndicators = z.infer<typeof inspectorIndicatorsDto>;
export type AnyIndicators = UnitIndicators | StationIndicators | InspectorIndicators;

/** One count behind a number: its value, the metric to drill into, and whether it is added or taken away. */
export interface Term {
  metric: AssessmentMetric;
  value: number;
  sign: 1 | -1;
}

export type Cell =
  | { kind: 'count'; value: number; terms: Term[] }
  | { kind: 'rate'; value: number | null; numerator: Term[]; denominator: Term[] };

export interface IndicatorColumn {
  /** stable key (used in the URL and as the i18n key under assessment.col) */
  key: string;
  kind: 'count' | 'rate';
  /** 返工率, 退单率, 延期率, 超期数: less is better */
  lowerIsBetter: boolean;
  cell: (i: AnyIndicators) => Cell;
}

const t = (metric: AssessmentMetric, value: number, sign: 1 | -1 = 1): Term => ({ metric, value, sign });
const count = (key: string, pick: (i: never) => Term[], lowerIsBetter = false): IndicatorColumn => ({
  key,
  kind: 'count',
  lowerIsBetter,
  cell: (i) => {
    const terms = pick(i as never);
    return { kind: 'count', value: sumOf(terms), terms };
  },
});
const rate = (key: string, value: (i: never) => number | null, numerator: (i: never) => Term[], denominator: (i: never) => Term[], lowerIsBetter = false): IndicatorColumn => ({
  key,
  kind: 'rate',
  lowerIsBetter,
  cell: (i) => ({ kind: 'rate', value: value(i as never), numerator: numerator(i as never), denominator: denominator(i as never) }),
});

/** The value of a sum of terms (有效上报 = 上报 − 作废; never below 0). */
export function sumOf(terms: readonly Term[]): number {
  return Math.max(0, terms.reduce((s, x) => s + x.sign * x.value, 0));
}

export const unitColumns: IndicatorColumn[] = [
  count('dispatched', (i: UnitIndicators) => [t('dispatched', i.dispatched)]),
  rate('acceptOnTime', (i: UnitIndicators) => i.rates.acceptOnTime, (i: UnitIndicators) => [t('accepted_on_time', i.acceptedOnTime)], (i: UnitIndicators) => [t('accepted', i.accepted)]),
  rate('handleOnTime', (i: UnitIndicators) => i.rates.handleOnTime, (i: UnitIndicators) => [t('handled_on_time', i.handledOnTime)], (i: UnitIndicators) => [t('handled', i.handled)]),
  rate('onTimeClosure', (i: UnitIndicators) => i.rates.onTimeClosure, (i: UnitIndicators) => [t('closed_on_time', i.closedOnTime)], (i: UnitIndicators) => [t('due', i.due), t('suspended', i.suspended, -1)]),
  rate('closure', (i: UnitIndicators) => i.rates.closure, (i: UnitIndicators) => [t('closed', i.closed)], (i: UnitIndicators) => [t('dispatched', i.dispatched)]),
  rate('rework', (i: UnitIndicators) => i.rates.rework, (i: UnitIndicators) => [t('reworked', i.reworked)], (i: UnitIndicators) => [t('handled', i.handled)], true),
  rate('return', (i: UnitIndicators) => i.rates.return, (i: UnitIndicators) => [t('returned', i.returned)], (i: UnitIndicators) => [t('dispatched', i.dispatched)], true),
  rate('extension', (i: UnitIndicators) => i.rates.extension, (i: UnitIndicators) => [t('extension_requested', i.extensionRequested)], (i: UnitIndicators) => [t('dispatched', i.dispatched)], true),
  count('overdue', (i: UnitIndicators) => [t('overdue', i.overdue)], true),
  rate('satisfaction', (i: UnitIndicators) => i.rates.satisfaction, (i: UnitIndicators) => [t('visit:satisfied', i.visits.satisfied)], (i: UnitIndicators) => [t('visit:satisfied', i.visits.satisfied), t('visit:dissatisfied', i.visits.dissatisfied)]),
  rate('proactive', (i: UnitIndicators) => i.rates.proactive, (i: UnitIndicators) => [t('proactive', i.proactive)], (i: UnitIndicators) => [t('dispatched', i.dispatched)]),
];

export const stationColumns: IndicatorColumn[] = [
  count('reported', (i: StationIndicators) => [t('reported', i.reported)]),
  count('stationProactive', (i: StationIndicators) => [t('proactive', i.proactive)]),
  rate('proactiveShare', (i: StationIndicators) => i.proactiveShare, (i: StationIndicators) => [t('proactive', i.proactive)], (i: StationIndicators) => [t('reported', i.reported)]),
];

export const inspectorColumns: IndicatorColumn[] = [
  count('reports', (i: InspectorIndicators) => [t('reports', i.reports)]),
  count('validReports', (i: InspectorIndicators) => [t('reports', i.reports), t('reports_voided', i.voided, -1)]),
  count('verified', (i: InspectorIndicators) => [t('verified', i.verified)]),
  rate('verifyOnTime', (i: InspectorIndicators) => i.verifyOnTime, (i: InspectorIndicators) => [t('verified_on_time', i.verifiedOnTime)], (i: InspectorIndicators) => [t('verified', i.verified)]),
];

export function columnsOf(subject: AssessmentSubject): IndicatorColumn[] {
  return subject === 'unit' ? unitColumns : subject === 'station' ? stationColumns : inspectorColumns;
}

/** The indicator a ranking shows first: 按期结案率, 主动发现率, 核查及时率. */
export const defaultIndicator: Record<AssessmentSubject, string> = { unit: 'onTimeClosure', station: 'proactiveShare', inspector: 'verifyOnTime' };

export interface RankedRow {
  key: string;
  name: string;
  value: number | null;
}

/**
 * Best first by one column: higher first, or lower first where less is better; a rate that could
 * not be counted (null) goes last; equal values keep the order of their names.
 */
export function rankBy<T extends { key: string; name: string; indicators: AnyIndicators }>(items: readonly T[], column: IndicatorColumn): RankedRow[] {
  const rows = items.map((it) => ({ key: it.key, name: it.name, value: column.cell(it.indicators).value }));
  return rows.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.name.localeCompare(b.name, 'zh-CN') : a.value === null ? 1 : -1;
    const d = column.lowerIsBetter ? a.value - b.value : b.value - a.value;
    return d !== 0 ? d : a.name.localeCompare(b.name, 'zh-CN');
  });
}

/** Places in a best-first ranking: equal values share a place (1, 2, 2, 4); an uncounted row has none. */
export function placesOf(ranked: readonly RankedRow[]): Map<string, number | null> {
  const places = new Map<string, number | null>();
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    places.set(r.key, r.value === null ? null : prev && prev.value === r.value ? places.get(prev.key)! : i + 1);
  });
  return places;
}

export type SortOrder = 'ascending' | 'descending';

/** The order best-first is for a column (higher first, or lower first where less is better). */
export const bestOrder = (column: IndicatorColumn): SortOrder => (column.lowerIsBetter ? 'ascending' : 'descending');

/** Keys sorted by a column's value in the given order; the uncounted stay last either way. */
export function sortedKeys(ranked: readonly RankedRow[], column: IndicatorColumn, order: SortOrder): string[] {
  if (order === bestOrder(column)) return ranked.map((r) => r.key);
  const counted = ranked.filter((r) => r.value !== null).reverse();
  return [...counted, ...ranked.filter((r) => r.value === null)].map((r) => r.key);
}

/** The last place(s) of a best-first ranking: all who share the worst counted value, none when all share the first place. */
export function lastPlaceKeys(ranked: readonly RankedRow[]): Set<string> {
  const places = placesOf(ranked);
  const counted = [...places.values()].filter((p): p is number => p !== null);
  const worst = Math.max(0, ...counted);
  return new Set(worst > 1 ? [...places.entries()].filter(([, p]) => p === worst).map(([k]) => k) : []);
}

/** What a ranking chart draws: the counted, and for a count only the non-zero (a row of zeros ranks nobody). */
export function chartRows(ranked: readonly RankedRow[], column: IndicatorColumn): RankedRow[] {
  return ranked.filter((r) => r.value !== null && (column.kind === 'rate' || r.value > 0));
}
