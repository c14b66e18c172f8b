/** HTTP contracts of the town's command mode (R9): the period in force, its history, a change and a stand-down. */
import { z } from 'zod';
import { commandModes, declarableModes, emergencyKinds, levelColours, responseLevels } from '../domain/command/command-mode.js';
import { orgCode } from './identity.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Declares a mode other than daily; the period in force (if any) ends, replaced by this one. */
export const changeCommandModeBody = z.strictObject({
  mode: z.enum(commandModes),
  /** emergency only: 防汛防台 flood_typhoon | 突发事件 sudden_event */
  emergencyKind: z.enum(emergencyKinds).optional(),
  /** authorised and emergency: IV (blue) … I (red) */
  responseLevel: z.enum(responseLevels).optional(),
  /** personnel codes of the profile: 总指挥 and 副总指挥 (both required for an emergency) */
  commanderCode: orgCode.optional(),
  deputyCode: orgCode.optional(),
  reason: text(500),
});
export type ChangeCommandModeBody = z.infer<typeof changeCommandModeBody>;

export const standDownBody = z.strictObject({ note: text(500).optional() });
export type StandDownBody = z.infer<typeof standDownBody>;

const person = z.object({ code: z.string(), name: z.string() });
const by = z.object({ id: z.string(), name: z.string() });

/** One period in a mode other than daily. */
export const commandPeriodDto = z.object({
  id: z.string(),
  mode: z.enum(declarableModes),
  emergencyKind: z.enum(emergencyKinds).nullable(),
  responseLevel: z.enum(responseLevels).nullable(),
  /** the level's colour (blue, yellow, orange, red), null without a level */
  levelColour: z.enum(levelColours).nullable(),
  commander: person.nullable(),
  deputy: person.nullable(),
  reason: z.string(),
  startedAt: z.string(),
  startedBy: by,
  /** null while in force */
  endedAt: z.string().nullable(),
  endedBy: by.nullable(),
  /** stood_down: back to daily command; replaced: by the next period (a level raised, a mode changed) */
  endKind: z.enum(['stood_down', 'replaced']).nullable(),
  endNote: z.string().nullable(),
});
export type CommandPeriodDto = z.infer<typeof commandPeriodDto>;

export const commandModeDto = z.object({
  /** the mode in force: daily when no period is */
  mode: z.enum(commandModes),
  /** the period in force, null under daily command */
  current: commandPeriodDto.nullable(),
  /** the latest periods, newest first (the current one included) */
  history: z.array(commandPeriodDto),
});
export type CommandModeDto = z.infer<typeof commandModeDto>;

export const commandModeQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
