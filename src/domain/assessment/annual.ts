/**
 * 城市运行管理绩效年度考核 (the town's plan §八1), pure: a unit's weighted score with every term
 * explained, bonus points, the supervisor's adjustments, the ranking and the veto of the last
 * place (一票否决), the interview list (约谈) and the accountability list for persistent problems.
 * The rules are the profile's (rules.yaml `assessment`); the counts are the year's facts.
 */
import type { AssessmentRules, ScoredRate } from '../profile/schema.js';
import type { Label } from '../case/vocabulary.js';
import { unitIndicators, type FactCounts, type UnitIndicators } from './indicators.js';

/** The scored rates and how each is counted (for the explanation), zh/en names. */
export const rateLabels: Record<ScoredRate, Label> = {
  onTimeClosure: { zh: '按期结案率', en: 'On-time closure' },
  closure: { zh: '结案率', en: 'Closure' },
  acceptOnTime: { zh: '签收及时率', en: 'Accepted on time' },
  handleOnTime: { zh: '处置及时率', en: 'Handled on time' },
  satisfaction: { zh: '回访满意率', en: 'Satisfaction' },
  rework: { zh: '返工率', en: 'Rework' },
  return: { zh: '退单率', en: 'Returns' },
  extension: { zh: '延期率', en: 'Extensions' },
  proactive: { zh: '主动发现率', en: 'Proactive discovery' },
};

/** Lower is better: the score counts 1 − rate. */
const invertedRates: ReadonlySet<ScoredRate> = new Set(['rework', 'return', 'extension']);

/** numerator / denominator of each rate, from the indicators, for the explanation */
function fractionOf(rate: ScoredRate, x: UnitIndicators): [number, number] {
  switch (rate) {
    case 'onTimeClosure':
      return [x.closedOnTime, Math.max(0, x.due - x.suspended)];
    case 'closure':
      return [x.closed, x.dispatched];
    case 'acceptOnTime':
      return [x.acceptedOnTime, x.accepted];
    case 'handleOnTime':
      return [x.handledOnTime, x.handled];
    case 'satisfaction':
      return [x.visits.satisfied, x.visits.satisfied + x.visits.dissatisfied];
    case 'rework':
      return [x.reworked, x.handled];
    case 'return':
      return [x.returned, x.dispatched];
    case 'extension':
      return [x.extensionRequested, x.dispatched];
    case 'proactive':
      return [x.proactive, x.dispatched];
  }
}

export interface ScoreTerm {
  indicator: ScoredRate;
  weight: number;
  rate: number | null;
  inverted: boolean;
  points: number;
  explanation: Label;
}

export interface BonusItem {
  kind: 'led_joint' | 'proactive';
  count: number;
  points: number;
  explanation: Label;
}

export interface Adjustment {
  points: number;
}

export interface UnitScore {
  dispatched: number;
  base: number | null;
  terms: ScoreTerm[];
  bonus: { points: number; items: BonusItem[]; capped: boolean };
  adjustmentPoints: number;
  score: number | null;
  indicators: UnitIndicators;
}

/** Two decimals, as a score sheet shows them (and without float dust such as 27.690000000000001). */
export const round2 = (n: number): number => Math.round(n * 100) / 100;
const pct = (r: number) => `${round2(r * 100)}%`;

/**
 * A unit's score: Σ weight × value over the rates that could be counted, scaled so the weights of
 * those rates make 100 (a rate with nothing to count shares its weight among the others); plus
 * bonus (capped) and adjustments. null when no weighted rate could be counted.
 */
export function scoreUnit(rules: AssessmentRules, counts: FactCounts, adjustments: readonly Adjustment[]): UnitScore {
  const x = unitIndicators(counts);
  const weighted = (Object.entries(rules.weights) as Array<[ScoredRate, number | undefined]>).filter(([, w]) => (w ?? 0) > 0) as Array<[ScoredRate, number]>;
  const counted = weighted.filter(([r]) => x.rates[r] !== null);
  const totalWeight = counted.reduce((s, [, w]) => s + w, 0);
  const scale = totalWeight > 0 ? 100 / totalWeight : 0;
  const terms: ScoreTerm[] = weighted.map(([indicator, weight]) => {
    const rate = x.rates[indicator];
    const inverted = invertedRates.has(indicator);
    const label = rateLabels[indicator];
    const [num, den] = fractionOf(indicator, x);
    if (rate === null) {
      return {
        indicator, weight, rate, inverted, points: 0,
        explanation: { zh: `${label.zh}：无可计数据（分母为 0），权重 ${weight} 按比例分给其余各项`, en: `${label.en}: nothing to count (denominator 0); its weight ${weight} is shared among the others` },
      };
    }
    const value = inverted ? 1 - rate : rate;
    const points = round2(value * weight * scale);
    const scaled = Math.abs(scale - 1) > 1e-9 ? ` × 100/${totalWeight}` : '';
    const inv = inverted ? { zh: `，按 1 − ${pct(rate)} = ${pct(value)} 计`, en: `, scored as 1 − ${pct(rate)} = ${pct(value)}` } : { zh: '', en: '' };
    return {
      indicator, weight, rate, inverted, points,
      explanation: {
        zh: `${label.zh} ${pct(rate)}（${num}/${den}）${inv.zh} × 权重 ${weight}${scaled} = ${points} 分`,
        en: `${label.en} ${pct(rate)} (${num}/${den})${inv.en} × weight ${weight}${scaled} = ${points} points`,
      },
    };
  });
  // the sum of the exact terms, rounded once (the terms show two decimals each)
  const base = totalWeight > 0 ? round2(counted.reduce((sum, [r, w]) => sum + (invertedRates.has(r) ? 1 - x.rates[r]! : x.rates[r]!) * w * scale, 0)) : null;

  const bonusItem = (kind: BonusItem['kind'], count: number, rule: { points: number; max: number }, zh: string, en: string): BonusItem => {
    const points = round2(Math.min(count * rule.points, rule.max));
    return { kind, count, points, explanation: { zh: `${zh} ${count} 件 × ${rule.points} 分（上限 ${rule.max}）= ${points} 分`, en: `${en} ${count} × ${rule.points} (at most ${rule.max}) = ${points} points` } };
  };
  const items = [
    bonusItem('led_joint', x.ledJoint, rules.bonus.ledJoint, '牵头跨部门案件', 'Cross-department cases led'),
    bonusItem('proactive', x.proactive, rules.bonus.proactive, '主动发现', 'Problems found by the unit itself'),
  ];
  const rawBonus = items.reduce((s, i) => s + i.points, 0);
  const bonus = { points: round2(Math.min(rawBonus, rules.bonus.max)), items, capped: rawBonus > rules.bonus.max };
  const adjustmentPoints = round2(adjustments.reduce((s, a) => s + a.points, 0));
  const score = base === null ? null : round2(base + bonus.points + adjustmentPoints);
  return { dispatched: x.dispatched, base, terms, bonus, adjustmentPoints, score, indicators: x };
}

export interface Ranked {
  code: string;
  ranked: boolean;
  rank: number | null;
  veto: boolean;
}

/**
 * The ranking: units dispatched at least the minimum and with a score, best first; equal scores
 * share a rank (1, 2, 2, 4). The last `lastPlaces` places — and any unit tied with them — are
 * vetoed, when more units are ranked than that (a ranking of one has no last place).
 */
export function rankUnits(rules: AssessmentRules, units: ReadonlyArray<{ code: string; dispatched: number; score: number | null }>): Map<string, Ranked> {
  const eligible = units.filter((u) => u.dispatched >= rules.minimumDispatched && u.score !== null).sort((a, b) => b.score! - a.score! || a.code.localeCompare(b.code));
  const out = new Map<string, Ranked>(units.map((u) => [u.code, { code: u.code, ranked: false, rank: null, veto: false }]));
  eligible.forEach((u, i) => {
    const rank = i > 0 && eligible[i - 1]!.score === u.score ? out.get(eligible[i - 1]!.code)!.rank! : i + 1;
    out.set(u.code, { code: u.code, ranked: true, rank, veto: false });
  });
  const n = rules.veto.lastPlaces;
  if (n > 0 && eligible.length > n) {
    const threshold = eligible[eligible.length - n]!.score!;
    for (const u of eligible) if (u.score! <= threshold) out.get(u.code)!.veto = true;
  }
  return out;
}

/** 约谈: how many dissatisfied visits of the interview causes a unit had. */
export function interviewCount(rules: AssessmentRules, counts: FactCounts): number {
  return rules.interview.causes.reduce((s, c) => s + (counts[`dissatisfied:${c}`] ?? 0), 0);
}

export function interviewLeader(rules: AssessmentRules, unitCode: string): string {
  return rules.interview.leaderByUnit[unitCode] ?? rules.interview.leader;
}

/**
 * 责任追究 for persistent problems (顽症), per case: held against the lead unit, or the category's
 * owner when it was never dispatched; found late (发现不及时) when the public reported it first (one
 * of the rules' complaint channels); not resolved (落实不到位) when the unit's own deadlines (签收,
 * 处置) passed before they were met, whether it was closed late or is still open past them. Voided
 * reports are not problems. The database keeps `unitOverdueSince` per case, so the year's list is
 * counted by one indexed query instead of reading every case's clocks.
 */
export const accountableUnit = (leadUnit: string | null, categoryOwner: string | null): string | null => leadUnit ?? categoryOwner;

export interface AccountabilityGroup {
  unit: string | null;
  foundLate: boolean;
  unresolved: boolean;
  cases: number;
}

/** The per-unit counts of the accountability list, from the groups of the year's persistent problems. */
export function accountabilityCounts(groups: readonly AccountabilityGroup[]): Map<string, { foundLateCount: number; unresolvedCount: number }> {
  const out = new Map<string, { foundLateCount: number; unresolvedCount: number }>();
  for (const g of groups) {
    if (g.unit === null || (!g.foundLate && !g.unresolved)) continue;
    const entry = out.get(g.unit) ?? out.set(g.unit, { foundLateCount: 0, unresolvedCount: 0 }).get(g.unit)!;
    if (g.foundLate) entry.foundLateCount += g.cases;
    if (g.unresolved) entry.unresolvedCount += g.cases;
  }
  return out;
}

const unitSteps: ReadonlySet<string> = new Set(['accept', 'handle']);

type Clock = { step: string; dueAt: string; stoppedAt: string | null };

/**
 * The instant the unit's steps of a case (签收, 处置) first ran past a deadline they had not met by
 * then (ISO UTC), or null if they never did nor will without a new clock: the earliest deadline of a
 * unit step still running or met after it. A case is overdue as of T when this is before T.
 */
export function unitOverdueSince(clocks: readonly Clock[]): string | null {
  let since = Infinity;
  for (const c of clocks) {
    if (!unitSteps.has(c.step)) continue;
    const due = Date.parse(c.dueAt);
    if (c.stoppedAt === null || due < Date.parse(c.stoppedAt)) since = Math.min(since, due);
  }
  return since === Infinity ? null : new Date(since).toISOString();
}

/** The report's orders: ranked units by rank, then the unranked by cases dispatched; 约谈 by count; 责任追究 by cases; ties by unit code. */
export const reportOrder = {
  units: (a: { rank: number | null; dispatched: number; unitCode: string }, b: { rank: number | null; dispatched: number; unitCode: string }) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.dispatched - a.dispatched || a.unitCode.localeCompare(b.unitCode),
  interviews: (a: { count: number; unitCode: string }, b: { count: number; unitCode: string }) => b.count - a.count || a.unitCode.localeCompare(b.unitCode),
  accountability: (a: { foundLateCount: number; unresolvedCount: number; unitCode: string }, b: { foundLateCount: number; unresolvedCount: number; unitCode: string }) =>
    b.foundLateCount + b.unresolvedCount - (a.foundLateCount + a.unresolvedCount) || a.unitCode.localeCompare(b.unitCode),
};
