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
export const inspectorIndicatorsDto = z.object({ reports: count, verified: count, verifiedOnTime: count, verifyOnTime: rate });

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
