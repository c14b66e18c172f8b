/**
 * The input of each case action, as zod schemas: the HTTP layer validates request bodies with
 * them (and gets OpenAPI from them), the machine validates again so it never trusts a caller.
 * All objects are strict: an unknown field is an error, not silently dropped, so a typo in a
 * client (e.g. `reson`) is caught instead of recording a case event without its reason.
 * Attachments (photos) are referenced by the ids the upload endpoint returned.
 */
import { z } from 'zod';
import { timeLimitSchema, urgencies } from '../profile/schema.js';
import { crsValues } from '../geo/crs-values.js';
import type { CaseAction } from './vocabulary.js';
import { dissatisfiedCauses, visitOutcomes } from './vocabulary.js';

/** A department / unit code, same alphabet as the profile's codes. */
export const unitCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'codes are letters, digits, - and _');
/** Why something was done; whitespace alone is not a reason. */
export const reasonSchema = z.string().trim().min(1, 'a reason is required').max(500);
export const textSchema = z.string().trim().min(1, 'text is required').max(2000);
const note = z.string().trim().max(1000).optional();
export const attachmentIdSchema = z.string().min(1).max(100);
const photos = z.array(attachmentIdSchema).max(20);

const noteOnly = z.strictObject({ note });

/** A point as a report or a dispatcher gives it; stored as WGS84. */
export const locationSchema = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** coordinate system of the input; stored as WGS84 */
  crs: z.enum(crsValues).default('wgs84'),
});

/** Lead unit plus assistants, neither repeated (谁牵头谁办理). */
const units = {
  leadUnit: unitCodeSchema,
  assistUnits: z.array(unitCodeSchema).max(20).default([]),
};
function distinctUnits(value: { leadUnit: string; assistUnits: string[] }, ctx: z.RefinementCtx): void {
  if (value.assistUnits.includes(value.leadUnit)) {
    ctx.addIssue({ code: 'custom', path: ['assistUnits'], message: 'the lead unit cannot also assist' });
  }
  if (new Set(value.assistUnits).size !== value.assistUnits.length) {
    ctx.addIssue({ code: 'custom', path: ['assistUnits'], message: 'an assisting unit is listed twice' });
  }
}

export const actionInputSchemas = {
  // the dispatcher confirms or changes the suggested category and urgency when registering (立案)
  // … and may locate a report that came without a place it could be located by (coordinates or a grid)
  register: z
    .strictObject({
      note,
      categoryCode: z.string().regex(/^\d{5}$/, 'a category code has 5 digits').optional(),
      urgency: z.enum(urgencies).optional(),
      location: locationSchema.optional(),
      gridCode: z.string().regex(/^\d{15}$/, 'a grid code has 15 digits').optional(),
    })
    .refine((v) => !(v.location && v.gridCode), { path: ['gridCode'], message: 'give the location or the grid, not both' }),
  void: z.strictObject({ reason: reasonSchema }),
  dispatch: z.strictObject({ ...units, note }).superRefine(distinctUnits),
  accept: noteOnly,
  return: z.strictObject({ reason: reasonSchema }),
  designate: z.strictObject({ ...units, reason: reasonSchema }).superRefine(distinctUnits),
  start: noteOnly,
  feedback: z.strictObject({ text: textSchema, photos: photos.default([]) }),
  verify: z.discriminatedUnion('result', [
    z.strictObject({ result: z.literal('pass'), note, photos: photos.default([]) }),
    // a failed check sends the case back for rework, so the unit must be told why
    z.strictObject({ result: z.literal('fail'), reason: reasonSchema, photos: photos.default([]) }),
  ]),
  // a dissatisfied citizen's visit says why (the assessment's 约谈 list counts poor handling and falsification)
  visit: z
    .strictObject({ outcome: z.enum(visitOutcomes), cause: z.enum(dissatisfiedCauses).optional(), note })
    .superRefine((v, ctx) => {
      if (v.cause !== undefined && v.outcome !== 'dissatisfied') ctx.addIssue({ code: 'custom', path: ['cause'], message: 'a cause is given only for a dissatisfied visit' });
    }),
  close: noteOnly,
  extend: z.strictObject({ reason: reasonSchema, limit: timeLimitSchema }),
  'decide-extension': z.discriminatedUnion('decision', [
    // the approver grants a limit (normally the requested one, which the command layer fills in)
    z.strictObject({ decision: z.literal('approve'), limit: timeLimitSchema, note }),
    z.strictObject({ decision: z.literal('refuse'), reason: reasonSchema }),
  ]),
  suspend: z.strictObject({ reason: reasonSchema }),
  resume: noteOnly,
  urge: noteOnly,
  escalate: z.strictObject({ reason: reasonSchema }),
  instruct: z.strictObject({ text: textSchema }),
  'handle-locally': z.strictObject({
    text: textSchema,
    beforePhotos: photos.min(1, 'at least one photo before handling'),
    afterPhotos: photos.min(1, 'at least one photo after handling'),
  }),
} satisfies Record<CaseAction, z.ZodType>;

type Schemas = typeof actionInputSchemas;
/** The validated (parsed) input of an action. */
export type ActionInput<A extends CaseAction> = z.output<Schemas[A]>;
/** What a client sends for an action (defaults not yet applied). */
export type ActionInputRaw<A extends CaseAction> = z.input<Schemas[A]>;

/** An action together with its validated input; switching on `action` narrows `input`. */
export type CaseCommand = { [A in CaseAction]: { action: A; input: ActionInput<A> } }[CaseAction];
