/** 监督考评: the indicators of units, stations and inspectors over a period (GET /api/v1/assessment/indicators). */
import { z } from 'zod';
import { assessmentSubjects } from '../domain/assessment/event-facts.js';
import { periodRange } from '../domain/assessment/period.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD');

export const indicatorsQuery = z
  .strictObject({
    subject: z.enum(assessmentSubjects).default('unit'),
    /** a month 2026-11, a quarter 2026-Q4 or a year 2026; or give from and to */
    period: z.string().refine((p) => periodRange(p) !== null, 'a month (2026-11), a quarter (2026-Q4) or a year (2026)').optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    /** one unit code, station code or inspector account id */
    key: z.string().max(80).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.period && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a period or from/to, not both' });
    if (!q.period && Boolean(q.from) !== Boolean(q.to)) ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'a custom range needs both from and to' });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
  });
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

const count = z.number().int();
const rate = z.number().min(0).max(1).nullable();

export const unitIndicatorsDto = z.object({
  dispatched: count,
  accepted: count,
  acceptedOnTime: count,
  handled: count,
  handledOnTime: count,
  closed: count,
  closedOnTime: count,
  due: count,
  suspended: count,
  returned: count,
  reworked: count,
  extensionRequested: count,
  extended: count,
  overdue: count,
  designated: count,
  ledJoint: count,
  assisted: count,
  proactive: count,
  visits: z.object({ satisfied: count, dissatisfied: count, unreachable: count }),
  rates: z.object({
    onTimeClosure: rate,
    closure: rate,
    acceptOnTime: rate,
    handleOnTime: rate,
    rework: rate,
    return: rate,
    extension: rate,
    satisfaction: rate,
    proactive: rate,
  }),
});

export const stationIndicatorsDto = z.object({ reported: count, proactive: count, proactiveShare: rate });
export const inspectorIndicatorsDto = z.object({ reports: count, voided: count, validReports: count, verified: count, verifiedOnTime: count, verifyOnTime: rate });

export const indicatorsDto = z.object({
  subject: z.enum(assessmentSubjects),
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      indicators: z.union([unitIndicatorsDto, stationIndicatorsDto, inspectorIndicatorsDto]),
    }),
  ),
});
export type IndicatorsDto = z.infer<typeof indicatorsDto>;

// ---- drill-down: the cases behind a number (GET /assessment/cases) ----

/** What a unit's, station's or inspector's number counts (the assessment's fact metrics). */
export const assessmentMetrics = [
  'dispatched',
  'designated',
  'led_joint',
  'assisted',
  'accepted',
  'accepted_on_time',
  'returned',
  'handled',
  'handled_on_time',
  'reworked',
  'extension_requested',
  'extended',
  'suspended',
  'overdue',
  'due',
  'closed',
  'closed_on_time',
  'proactive',
  'visit:satisfied',
  'visit:dissatisfied',
  'visit:unreachable',
  'dissatisfied:poor_handling',
  'dissatisfied:falsified',
  'reported',
  'reports',
  'reports_voided',
  'verified',
  'verified_on_time',
] as const;
export type AssessmentMetric = (typeof assessmentMetrics)[number];

export const assessmentCasesQuery = z
  .strictObject({
    subject: z.enum(assessmentSubjects),
    key: z.string().min(1).max(80),
    metric: z.enum(assessmentMetrics),
    period: z.string().refine((p) => periodRange(p) !== null, 'a month (2026-11), a quarter (2026-Q4) or a year (2026)').optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** the cursor of the previous page */
    after: z.string().max(200).optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.period && !(q.from && q.to)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a period, or both from and to' });
    if (q.period && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a period or from/to, not both' });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
  });
export type AssessmentCasesQuery = z.infer<typeof assessmentCasesQuery>;

export const assessmentCaseItem = z.object({
  /** one row per counted event: a case returned twice counts twice */
  caseId: z.string(),
  caseNo: z.string(),
  /** local day the event was counted on */
  day: z.string(),
  at: z.string(),
  action: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  status: z.string(),
  channel: z.string(),
  description: z.string(),
});
export const assessmentCasesDto = z.object({
  subject: z.enum(assessmentSubjects),
  key: z.string(),
  metric: z.enum(assessmentMetrics),
  from: z.string(),
  to: z.string(),
  /** how many events the number counts (equals the indicator's count) */
  total: z.number().int(),
  items: z.array(assessmentCaseItem),
  nextCursor: z.string().nullable(),
});
export type AssessmentCasesDto = z.infer<typeof assessmentCasesDto>;

// ---- the annual assessment (GET /assessment/annual) ----

export const annualQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

const caseRef = z.object({ caseId: z.string(), caseNo: z.string(), categoryCode: z.string().nullable(), categoryName: z.string().nullable(), at: z.string() });

export const scoreTermDto = z.object({
  /** the indicator (a key of the unit's rates) */
  indicator: z.string(),
  weight: z.number(),
  /** the rate as counted (null: nothing to count, the weight is shared among the others) */
  rate: z.number().nullable(),
  /** for a rate where lower is better (返工率, 退单率, 延期率) the score uses 1 − rate */
  inverted: z.boolean(),
  points: z.number(),
  /** how it was computed, in words, zh and en */
  explanation: z.object({ zh: z.string(), en: z.string() }),
});

export const adjustmentDto = z.object({
  id: z.string(),
  year: z.number().int(),
  unitCode: z.string(),
  points: z.number(),
  reason: z.string(),
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.string(),
});
export type AdjustmentDto = z.infer<typeof adjustmentDto>;

export const annualUnitDto = z.object({
  unitCode: z.string(),
  name: z.string(),
  kind: z.string(),
  dispatched: z.number().int(),
  /** ranked when it had at least the profile's minimum of dispatched cases */
  ranked: z.boolean(),
  rank: z.number().int().nullable(),
  /** weighted score of the indicators, 0–100 (null when nothing could be counted) */
  base: z.number().nullable(),
  terms: z.array(scoreTermDto),
  bonus: z.object({
    points: z.number(),
    items: z.array(z.object({ kind: z.enum(['led_joint', 'proactive']), count: z.number().int(), points: z.number(), explanation: z.object({ zh: z.string(), en: z.string() }) })),
    capped: z.boolean(),
  }),
  adjustments: z.array(adjustmentDto),
  adjustmentPoints: z.number(),
  score: z.number().nullable(),
  /** 一票否决: the last place(s) of the ranking */
  veto: z.boolean(),
  indicators: unitIndicatorsDto,
});
export type AnnualUnitDto = z.infer<typeof annualUnitDto>;

export const annualAssessmentDto = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** the rules applied (the profile's assessment section) */
  rules: z.object({
    weights: z.record(z.string(), z.number()),
    minimumDispatched: z.number().int(),
    vetoLastPlaces: z.number().int(),
    interviewCauses: z.array(z.string()),
    interviewMinimum: z.number().int(),
  }),
  units: z.array(annualUnitDto),
  /** 约谈: dissatisfied return visits caused by poor handling or falsification */
  interviews: z.array(
    z.object({
      unitCode: z.string(),
      name: z.string(),
      leader: z.object({ code: z.string(), name: z.string(), position: z.string() }).nullable(),
      count: z.number().int(),
      /** the most recent cases first, at most `caseLimit` of them (the xlsx export has them all) */
      cases: z.array(caseRef.extend({ cause: z.string(), note: z.string().nullable() })),
    }),
  ),
  /** 责任追究: persistent problems (顽症) found late (by a complaint first) or not resolved in time */
  accountability: z.array(
    z.object({
      unitCode: z.string(),
      name: z.string(),
      foundLateCount: z.number().int(),
      unresolvedCount: z.number().int(),
      /** the most recent cases first, at most `caseLimit` of each (the xlsx export has them all) */
      foundLate: z.array(caseRef.extend({ channel: z.string() })),
      unresolved: z.array(caseRef.extend({ status: z.string(), overdue: z.boolean() })),
    }),
  ),
  /** how many cases each list carries at most */
  caseLimit: z.number().int(),
  generatedAt: z.string(),
});
export type AnnualAssessmentDto = z.infer<typeof annualAssessmentDto>;

/** POST /assessment/adjustments: a manual adjustment by the supervisor, with a reason; audited; never edited (a later one corrects it). */
export const newAdjustmentBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  unitCode: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  points: z.number().min(-20).max(20).refine((p) => p !== 0, 'an adjustment of 0 changes nothing'),
  reason: z.string().trim().min(4, 'say why (at least 4 characters)').max(500),
});
export type NewAdjustmentBody = z.infer<typeof newAdjustmentBody>;
