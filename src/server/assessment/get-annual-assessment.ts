/**
 * The year's assessment (城市运行管理绩效年度考核): every assessed unit scored by the profile's
 * rules from the year's counters, ranked, the last place vetoed; the 约谈 list from the facts of
 * dissatisfied visits; the accountability list from the year's persistent problems.
 */
import {
  accountabilityCounts,
  accountableUnit,
  interviewCount,
  interviewLeader,
  periodRange,
  rankUnits,
  reportOrder,
  scoreUnit,
  type FactCounts,
} from '../../domain/assessment/index.js';
import type { AnnualAssessmentDto, AnnualUnitDto } from '../../contracts/assessment.js';
import type { AssessmentRules } from '../../domain/profile/schema.js';
import type { AppContext } from '../context.js';
import { adjustmentsOf, persistentProblemCases, persistentProblemGroups, sumAssessmentCounts, latestUnitFacts, type PersistentProblemScope } from '../db/repositories/assessment-repository.js';
import { listPersonnel } from '../db/repositories/personnel-repository.js';
import { Problem } from '../http/problem.js';
import { withProps } from '../../domain/with-props.js';

export function assessmentRulesOf(rules: { assessment?: AssessmentRules }): AssessmentRules {
  if (!rules.assessment) {
    throw new Problem(409, 'NO_ASSESSMENT_RULES', { zh: '镇配置中没有年度考核规则（rules.yaml 的 assessment 部分）', en: 'The town profile has no annual assessment rules (rules.yaml, assessment)' });
  }
  return rules.assessment;
}

/** The first instant of a local (Beijing) date, as ISO UTC. */
const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

/** Where the year's sums come from: the day counters (the bench's baseline counts the facts instead). */
type SumsOf = typeof sumAssessmentCounts;

/** How many cases the page's lists carry (a year of a busy town has tens of thousands); the xlsx has them all. */
export const ANNUAL_CASE_LIMIT = 100;

/** The newest `limit` of several lists each already newest first, by `newer` (descending keys). */
function newestOf<T>(lists: readonly (readonly T[])[], newer: (a: T, b: T) => number, limit: number): T[] {
  const all = lists.flat().sort(newer);
  return Number.isFinite(limit) ? all.slice(0, limit) : all;
}
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

export async function getAnnualAssessment(ctx: AppContext, year: number, sumsOf: SumsOf = sumAssessmentCounts, caseLimit = ANNUAL_CASE_LIMIT): Promise<AnnualAssessmentDto> {
  const town = await ctx.town.current();
  const rules = assessmentRulesOf(town.rules);
  const range = periodRange(String(year))!;
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const yearEnd = new Date(startOfLocalDay(`${year + 1}-01-01`));
  const asOf = now < yearEnd ? now : yearEnd;
  const persistentScope: PersistentProblemScope = {
    categoryCodes: [...town.categories.values()].filter((c) => c.persistent).map((c) => c.code),
    fromInstant: startOfLocalDay(range.from),
    toInstant: yearEnd.toISOString(),
    lateChannels: rules.accountability.lateChannels,
    asOf: asOf.toISOString(),
  };
  const interviewMetrics = rules.interview.causes.map((c) => `dissatisfied:${c}`);

  const [sums, adjustments, persistentGroups, personnel] = await Promise.all([
    sumsOf(db, ctx.townId, 'unit', range.from, range.to),
    adjustmentsOf(db, ctx.townId, year),
    persistentProblemGroups(db, ctx.townId, persistentScope),
    listPersonnel(db, ctx.townId),
  ]);
  const countsOf = new Map<string, Record<string, number>>();
  for (const s of sums) (countsOf.get(s.key) ?? countsOf.set(s.key, {}).get(s.key)!)[s.metric] = s.n;
  const counts = (unit: string): FactCounts => countsOf.get(unit) ?? {};
  // the counters say which units are to be interviewed; only their visits are read, by the facts' index
  const toInterview = [...countsOf.keys()].filter((unit) => interviewCount(rules, counts(unit)) >= rules.interview.minimum);
  const visitsOf = new Map(
    await Promise.all(
      toInterview.map(async (unit) => {
        const lists = await Promise.all(interviewMetrics.map((metric) => latestUnitFacts(db, ctx.townId, unit, metric, range.from, range.to, caseLimit)));
        return [unit, newestOf(lists, (a, b) => desc(a.day, b.day) || b.seq - a.seq, caseLimit)] as const;
      }),
    ),
  );

  const assessed = [...town.units.values()].filter((u) => (rules.assessedKinds as readonly string[]).includes(u.kind));
  const scored = assessed.map((u) => {
    const own = adjustments.filter((a) => a.unit_code === u.code);
    return { unit: u, own, score: scoreUnit(rules, counts(u.code), own) };
  });
  const ranking = rankUnits(rules, scored.map((s) => ({ code: s.unit.code, dispatched: s.score.dispatched, score: s.score.score })));
  const units: AnnualUnitDto[] = scored
    .map(({ unit, own, score }) => {
      const r = ranking.get(unit.code)!;
      return {
        unitCode: unit.code,
        name: unit.name,
        kind: unit.kind,
        dispatched: score.dispatched,
        ranked: r.ranked,
        rank: r.rank,
        base: score.base,
        terms: score.terms,
        bonus: score.bonus,
        adjustments: own.map((a) => ({ id: a.id, year: a.year, unitCode: a.unit_code, points: a.points, reason: a.reason, by: { id: a.by_id, name: a.by_name }, at: a.at })),
        adjustmentPoints: score.adjustmentPoints,
        score: score.score,
        veto: r.veto,
        indicators: score.indicators,
      };
    })
    .sort(reportOrder.units);

  const people = new Map(personnel.map((p) => [p.code, p]));
  const categoryName = (code: string | null) => (code ? (town.categories.get(code)?.name ?? null) : null);
  const unitName = (code: string) => town.units.get(code)?.name ?? code;
  const interviews = toInterview
    .map((unit) => {
      const leader = people.get(interviewLeader(rules, unit));
      const cases = visitsOf.get(unit)!.map((v) => {
        const data = JSON.parse(v.data) as { note?: unknown };
        return { caseId: v.case_id, caseNo: v.case_no, categoryCode: v.category_code, categoryName: categoryName(v.category_code), at: v.at, cause: v.metric.slice('dissatisfied:'.length), note: typeof data.note === 'string' ? data.note : null };
      });
      return { unitCode: unit, name: unitName(unit), leader: leader ? { code: leader.code, name: leader.name, position: leader.position } : null, count: interviewCount(rules, counts(unit)), cases };
    })
    .sort(reportOrder.interviews);

  // 责任追究: counted per unit by one grouped query; each unit's most recent cases of each kind are
  // read per (lead unit, category) group along the index, newest first, and merged
  const ownerOf = (code: string | null) => (code ? (town.categories.get(code)?.owner ?? null) : null);
  const groups = persistentGroups.map((g) => withProps(g, { unit: accountableUnit(g.leadUnit, ownerOf(g.categoryCode)) }));
  const counted = accountabilityCounts(groups);
  const ref = (c: { id: string; case_no: string; category_code: string | null; created_at: string }) => ({ caseId: c.id, caseNo: c.case_no, categoryCode: c.category_code, categoryName: categoryName(c.category_code), at: c.created_at });
  const newestCases = async (unit: string, kind: 'foundLate' | 'unresolved') => {
    const pairs = new Map(groups.filter((g) => g.unit === unit && g[kind] && g.categoryCode !== null).map((g) => [`${g.leadUnit}|${g.categoryCode}`, g]));
    const lists = await Promise.all([...pairs.values()].map((g) => persistentProblemCases(db, ctx.townId, persistentScope, g.leadUnit, g.categoryCode!, kind, caseLimit)));
    return newestOf(lists, (a, b) => desc(a.created_at, b.created_at) || desc(a.id, b.id), caseLimit);
  };
  const accountability = await Promise.all(
    [...counted.entries()].map(async ([unit, n]) => {
      const [foundLate, unresolved] = await Promise.all([newestCases(unit, 'foundLate'), newestCases(unit, 'unresolved')]);
      return {
        unitCode: unit,
        name: unitName(unit),
        foundLateCount: n.foundLateCount,
        unresolvedCount: n.unresolvedCount,
        foundLate: foundLate.map((c) => withProps(ref(c), { channel: c.channel })),
        unresolved: unresolved.map((c) => withProps(ref(c), { status: c.status, overdue: true as const })),
      };
    }),
  );
  accountability.sort(reportOrder.accountability);

  return {
    year,
    from: range.from,
    to: range.to,
    rules: {
      weights: Object.fromEntries(Object.entries(rules.weights).filter((e): e is [string, number] => typeof e[1] === 'number')),
      minimumDispatched: rules.minimumDispatched,
      vetoLastPlaces: rules.veto.lastPlaces,
      interviewCauses: rules.interview.causes,
      interviewMinimum: rules.interview.minimum,
    },
    units,
    interviews,
    accountability,
    caseLimit,
    generatedAt: now.toISOString(),
  };
}
