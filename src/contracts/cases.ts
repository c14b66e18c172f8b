/**
 * HTTP contracts of the closed loop: intake (every channel with its own fields), the case, its list,
 * and the action endpoint. Server and web import these; nothing is typed twice.
 */
import { z } from 'zod';
import { caseActions, caseStatuses, channels, escalationLevels, visitOutcomes } from '../domain/case/vocabulary.js';
import { phoneNumber, slaSteps, timeUnits, urgencies } from '../domain/profile/schema.js';
import { locationSchema } from '../domain/case/inputs.js';
import { saysWhere, whereReported } from '../domain/case/where-reported.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const attachmentIds = z.array(z.string().regex(/^[0-9a-f]{64}$/, 'an attachment id is the SHA-256 the upload returned')).max(20);

export const locationInput = locationSchema;

/**
 * A citizen's phone as callers and hotline systems write it ('+86 139 1672 0835', '139-1672-0835',
 * '0086 21 6912 3456'): spaces, brackets and the +86 / 0086 prefix are dropped (a mobile's dashes
 * too), then it must be a phone number. One spelling is stored, so masking and search agree.
 */
export const citizenPhone = z
  .string()
  .max(40)
  .transform((raw) => {
    let t = raw.normalize('NFKC').replace(/[\s()]/g, '');
    const international = /^(?:\+|00)86-?/.exec(t);
    if (international) {
      t = t.slice(international[0].length);
      // a landline's area code needs its domestic trunk prefix 0 back
      if (/^[2-9]/.test(t)) t = `0${t}`;
    }
    const digits = t.replace(/-/g, '');
    return /^1\d{10}$/.test(digits) ? digits : t;
  })
  .pipe(phoneNumber);

export const reporterInput = z.strictObject({
  name: text(50).optional(),
  phone: citizenPhone.optional(),
});

/** Each channel's own fields (R2). */
export const channelDataSchemas = {
  hotline_12345: z.strictObject({ orderNo: text(64).optional(), callType: z.enum(['complaint', 'request', 'consult', 'report', 'praise']).optional(), hotlineDeadline: z.iso.datetime().optional() }),
  hotline_12319: z.strictObject({ orderNo: text(64).optional(), callType: z.enum(['complaint', 'request', 'consult', 'report', 'praise']).optional() }),
  // 110 non-police transfers: complaints, disputes, help requests, policy questions
  police_110: z.strictObject({ alarmNo: text(64).optional(), kind: z.enum(['complaint', 'dispute', 'help', 'consultation']), policeStation: text(64).optional() }),
  inspector: z.strictObject({ inspectorCode: text(40).optional(), gridCode: z.string().regex(/^\d{15}$/).optional() }),
  video_patrol: z.strictObject({ cameraId: text(64), operator: text(40).optional() }),
  video_ai: z.strictObject({ cameraId: text(64), algorithm: text(64), score: z.number().min(0).max(1) }),
  sensor: z.strictObject({ deviceId: text(64), metric: text(64), value: z.number(), threshold: z.number().optional(), unit: text(16).optional() }),
  department: z.strictObject({ departmentCode: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) }),
  citizen: z.strictObject({ app: z.enum(['瀛洲E管家', '政务微信', '随申办', 'other']).optional() }),
  leader: z.strictObject({ leaderName: text(40), instruction: text(1000).optional() }),
} as const;

const intakeBase = {
  externalId: text(100).optional(),
  description: text(4000),
  categoryCode: z.string().regex(/^\d{5}$/, 'a category code has 5 digits').optional(),
  urgency: z.enum(urgencies).optional(),
  location: locationInput.optional(),
  address: text(300).optional(),
  reporter: reporterInput.optional(),
  /** when the problem was reported at the source (the hotline's order time); defaults to now */
  reportedAt: z.iso.datetime({ offset: true }).optional(),
  photos: attachmentIds.default([]),
};

function variant<C extends keyof typeof channelDataSchemas>(channel: C) {
  return z.strictObject({ channel: z.literal(channel), ...intakeBase, channelData: channelDataSchemas[channel].optional() });
}

export const intakeBody = z
  .discriminatedUnion('channel', [
    variant('hotline_12345'),
    variant('hotline_12319'),
    variant('police_110'),
    variant('inspector'),
    variant('video_patrol'),
    variant('video_ai'),
    variant('sensor'),
    variant('department'),
    variant('citizen'),
    variant('leader'),
  ])
  .superRefine((body, ctx) => {
    // an inspector's grid, or the camera or sensor that alarms, also tells where
    if (!saysWhere(whereReported(body))) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'give the location (coordinates) or an address' });
    }
    if (body.channel === 'police_110' && !body.channelData) {
      ctx.addIssue({ code: 'custom', path: ['channelData'], message: '110 transfers need channelData.kind' });
    }
  });
export type IntakeBody = z.infer<typeof intakeBody>;

const label = z.object({ zh: z.string(), en: z.string() });

export const stepClockDto = z.object({
  step: z.enum(slaSteps),
  limit: z.object({ amount: z.number(), unit: z.enum(timeUnits) }),
  startedAt: z.string(),
  dueAt: z.string(),
  stoppedAt: z.string().nullable(),
  paused: z.boolean(),
  state: z.enum(['green', 'yellow', 'red', 'done']),
  late: z.boolean(),
});

export const caseSummaryDto = z.object({
  id: z.string(),
  caseNo: z.string(),
  channel: z.enum(channels),
  externalId: z.string().nullable(),
  status: z.enum(caseStatuses),
  category: z.object({ code: z.string(), name: z.string() }).nullable(),
  urgency: z.enum(urgencies),
  description: z.string(),
  address: z.string().nullable(),
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  grid: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  station: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  leadUnit: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  assistUnits: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  designated: z.boolean(),
  returnCount: z.number().int(),
  reworkCount: z.number().int(),
  extensionPending: z.boolean(),
  escalationLevel: z.enum(escalationLevels),
  suspendedFrom: z.enum(caseStatuses).nullable(),
  deadlineState: z.enum(['green', 'yellow', 'red', 'done']),
  nextDueAt: z.string().nullable(),
  visitOutcome: z.enum(visitOutcomes).nullable(),
  /** masked unless the caller's role may see citizens' personal data (each unmasked read is audited) */
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), masked: z.boolean() }).nullable(),
  reportedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CaseSummaryDto = z.infer<typeof caseSummaryDto>;

export const caseEventDto = z.object({
  seq: z.number(),
  action: z.string(),
  label: label,
  fromStatus: z.enum(caseStatuses).nullable(),
  toStatus: z.enum(caseStatuses),
  actor: z.object({ type: z.string(), id: z.string(), name: z.string(), role: z.string().nullable() }),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(z.string()),
  at: z.string(),
  hash: z.string(),
});

export const routingDto = z.object({
  kind: z.enum(['auto', 'designation_required']),
  rule: z.string(),
  ruleLabel: label,
  leadUnit: z.string().nullable(),
  assistUnits: z.array(z.string()),
  candidates: z.array(z.string()),
  explanation: label,
  decidedAt: z.string(),
});

export const classificationDto = z.object({
  suggestions: z.array(z.object({ code: z.string(), name: z.string().nullable(), confidence: z.number(), matchedTerms: z.array(z.string()) })),
  lowConfidence: z.boolean(),
  /** who decided the category: the caller of the intake, the classifier, or the dispatcher at registration */
  source: z.enum(['intake', 'classifier', 'dispatcher', 'none']),
});

export const duplicateDto = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  status: z.enum(caseStatuses),
  reasons: z.array(z.enum(['same_category_nearby', 'same_caller_same_subject'])),
  distanceMeters: z.number().nullable(),
  similarity: z.number().nullable(),
  createdAt: z.string(),
});

export const caseDetailDto = caseSummaryDto.extend({
  channelData: z.record(z.string(), z.unknown()),
  classification: classificationDto.nullable(),
  routing: routingDto.nullable(),
  deadlines: z.array(stepClockDto),
  events: z.array(caseEventDto),
  duplicates: z.array(duplicateDto),
  allowedActions: z.array(z.enum(caseActions)),
  photos: z.array(z.string()),
  jointMeetings: z.array(z.lazy(() => jointMeetingDto)),
});
export type CaseDetailDto = z.infer<typeof caseDetailDto>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const caseListQuery = z.strictObject({
  status: csv(caseStatuses).optional(),
  channel: csv(channels).optional(),
  category: z.string().regex(/^\d{5}$/).optional(),
  station: z.string().max(40).optional(),
  department: z.string().max(40).optional(),
  deadline: csv(['green', 'yellow', 'red', 'done'] as const).optional(),
  q: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** cases changed at or after this instant: "what changed since I last looked" */
  updatedFrom: z.iso.datetime({ offset: true }).optional(),
  /** all orders of one caller, found through the blind index (never by scanning plaintext) */
  callerPhone: citizenPhone.optional(),
  /** only the cases the caller reported itself (an inspector's 我的上报), still within the caller's scope */
  reportedBy: z.enum(['me']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** with the first page (no cursor): how many cases match in all (one count per filter, never per page) */
  withTotal: z.stringbool().optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

/** The export of the list (GET /cases/export.xlsx) takes exactly the list's filters, without paging. */
export const caseExportQuery = caseListQuery.omit({ cursor: true, limit: true, withTotal: true });
export type CaseExportQuery = z.infer<typeof caseExportQuery>;

export const caseListDto = z.object({
  items: z.array(caseSummaryDto),
  nextCursor: z.string().nullable(),
  /** only when asked for (withTotal=true) on the first page */
  total: z.number().int().optional(),
});

/** 联席会议 of a cross-department case (谁牵头谁办理): the lead unit convenes the assisting units. */
export const jointMeetingInput = z.strictObject({
  heldAt: z.iso.datetime({ offset: true }),
  participants: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)).min(1).max(30),
  minutes: z.string().trim().min(1).max(4000),
  decisions: z.string().trim().max(2000).optional(),
});
export const jointMeetingDto = z.object({
  id: z.string(),
  leadUnit: z.string(),
  participants: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  heldAt: z.string(),
  minutes: z.string(),
  decisions: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type JointMeetingDto = z.infer<typeof jointMeetingDto>;

/** 我的工作: how many cases wait in each queue, and the deadline lights of open cases, in the caller's scope. */
export const caseCountsDto = z.object({
  queues: z.object({
    reported: z.number().int(),
    registered: z.number().int(),
    returned: z.number().int(),
    /** dispatched + accepted + handling */
    inProgress: z.number().int(),
    feedback: z.number().int(),
    verified: z.number().int(),
    suspended: z.number().int(),
  }),
  /** open cases only (neither closed nor voided) */
  deadlines: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  /** every case in scope, whatever its status */
  total: z.number().int(),
});
export type CaseCountsDto = z.infer<typeof caseCountsDto>;
