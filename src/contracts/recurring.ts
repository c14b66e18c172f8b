/** HTTP contracts of 常态长效 (R13): recurring-problem records, their actions and the heat of the map. */
import { z } from 'zod';
import { caseStatuses, channels } from '../domain/case/vocabulary.js';
import { placeKinds, recurringLogKinds, recurringStatuses } from '../domain/recurring/vocabulary.js';
import { orgCode } from './identity.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const lngLat = z.tuple([z.number(), z.number()]);
const named = z.object({ code: z.string(), name: z.string() });

const statusList = z
  .string()
  .max(200)
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.enum([...recurringStatuses, 'active'])));

export const recurringListQuery = z.strictObject({
  /** comma-separated statuses; 'active' = every status but struck_off */
  status: statusList.optional(),
  category: z.string().regex(/^\d{5}$/, 'a category code has 5 digits').optional(),
  /** the owner unit (a department code) */
  unit: orgCode.optional(),
  station: orgCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type RecurringListQuery = z.infer<typeof recurringListQuery>;

export const recurringIdParams = z.strictObject({ id: z.uuid() });

export const recurringRecordDto = z.object({
  id: z.string(),
  status: z.enum(recurringStatuses),
  category: named,
  place: z.object({
    kind: z.enum(placeKinds),
    /** the H3 cell index, or the grid code */
    code: z.string(),
    name: z.string(),
    grid: named,
    /** [lng, lat] of the cell's centre (a grid record: null) */
    centre: lngLat.nullable(),
  }),
  station: named.nullable(),
  ownerUnit: named,
  caseCount: z.number().int(),
  complaints: z.number().int(),
  reopenCount: z.number().int(),
  plan: z.string().nullable(),
  plannedAt: z.string().nullable(),
  struckOff: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  firstReportedAt: z.string(),
  lastReportedAt: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type RecurringRecordDto = z.infer<typeof recurringRecordDto>;

export const recurringPageDto = z.object({ items: z.array(recurringRecordDto), total: z.number().int() });

export const recurringCaseDto = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: z.enum(caseStatuses),
  channel: z.enum(channels),
  complaint: z.boolean(),
  reportedAt: z.string(),
  joinedAt: z.string().nullable(),
  /** this case brought the problem back after 销项 */
  reopened: z.boolean(),
});

export const recurringLogDto = z.object({
  id: z.number().int(),
  kind: z.enum(recurringLogKinds),
  text: z.string().nullable(),
  caseId: z.string().nullable(),
  actor: z.object({ type: z.string(), name: z.string(), role: z.string().nullable() }),
  at: z.string(),
});

export const recurringCopyDto = z.object({
  threshold: z.number().int(),
  complaints: z.number().int(),
  caseId: z.string(),
  leader: named.nullable(),
  /** accounts told in the app */
  notified: z.number().int(),
  at: z.string(),
});

export const recurringDetailDto = recurringRecordDto.extend({
  cases: z.array(recurringCaseDto),
  log: z.array(recurringLogDto),
  copies: z.array(recurringCopyDto),
  /** what the caller may do now (plan, progress, strike-off) */
  allowedActions: z.array(z.enum(['plan', 'progress', 'strike-off'])),
});
export type RecurringDetailDto = z.infer<typeof recurringDetailDto>;

/** version: the record's version the caller saw (a stale one is refused with 409) */
export const recurringPlanBody = z.strictObject({ text: text(2000), version: z.number().int().positive().optional() });
export const recurringStrikeOffBody = z.strictObject({ reason: text(1000), version: z.number().int().positive().optional() });
export type RecurringPlanBody = z.infer<typeof recurringPlanBody>;

export const recurringHeatQuery = z.strictObject({
  category: z.string().regex(/^\d{5}$/, 'a category code has 5 digits').optional(),
  station: orgCode.optional(),
  /** how many days back (default: the profile's window) */
  days: z.coerce.number().int().min(1).max(366).optional(),
});

export const recurringHeatDto = z.object({
  resolution: z.number().int(),
  days: z.number().int(),
  since: z.string(),
  cells: z.array(
    z.object({
      cell: z.string(),
      /** cases with a category seen in the cell in the period */
      count: z.number().int(),
      centre: lngLat,
      /** the hexagon's corners, [lng, lat] */
      boundary: z.array(lngLat),
      /** records being worked on whose place is this cell */
      activeRecords: z.array(z.string()),
    }),
  ),
});
export type RecurringHeatDto = z.infer<typeof recurringHeatDto>;
