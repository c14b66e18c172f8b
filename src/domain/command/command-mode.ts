/**
 * Command modes (MISSION R9, seed §五): 日常 daily command is what holds when nothing else is in force;
 * 联席 joint command with the departments' seats; 授权 authorised command under a graded response;
 * 应急 emergency command for flood and typhoon (防汛防台) or a sudden event, with a named commander and
 * deputy and a response level Ⅳ → Ⅰ (blue → red). Pure: the words, the colours and what a change needs.
 */
import type { Label } from '../case/vocabulary.js';

export const commandModes = ['daily', 'joint', 'authorised', 'emergency'] as const;
export type CommandMode = (typeof commandModes)[number];
/** the modes a change may declare; daily is returned to by standing down */
export const declarableModes = ['joint', 'authorised', 'emergency'] as const satisfies readonly CommandMode[];
export type DeclarableMode = (typeof declarableModes)[number];

export const commandModeLabels: Record<CommandMode, Label> = {
  daily: { zh: '日常指挥', en: 'Daily command' },
  joint: { zh: '联席指挥', en: 'Joint command' },
  authorised: { zh: '授权指挥', en: 'Authorised command' },
  emergency: { zh: '应急指挥', en: 'Emergency command' },
};

export const emergencyKinds = ['flood_typhoon', 'sudden_event'] as const;
export type EmergencyKind = (typeof emergencyKinds)[number];
export const emergencyKindLabels: Record<EmergencyKind, Label> = {
  flood_typhoon: { zh: '防汛防台', en: 'Flood and typhoon' },
  sudden_event: { zh: '突发事件', en: 'Sudden event' },
};

/** Ⅳ is the lowest level, Ⅰ the highest (国家突发事件分级: 一般、较大、重大、特别重大). */
export const responseLevels = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof responseLevels)[number];
export const levelColours = ['blue', 'yellow', 'orange', 'red'] as const;
export type LevelColour = (typeof levelColours)[number];

export const responseLevelInfo: Record<ResponseLevel, { numeral: string; colour: LevelColour; label: Label; hex: string }> = {
  IV: { numeral: 'Ⅳ', colour: 'blue', label: { zh: 'Ⅳ级响应（蓝色）', en: 'Level IV response (blue)' }, hex: '#2f7cf6' },
  III: { numeral: 'Ⅲ', colour: 'yellow', label: { zh: 'Ⅲ级响应（黄色）', en: 'Level III response (yellow)' }, hex: '#f5c518' },
  II: { numeral: 'Ⅱ', colour: 'orange', label: { zh: 'Ⅱ级响应（橙色）', en: 'Level II response (orange)' }, hex: '#f97316' },
  I: { numeral: 'Ⅰ', colour: 'red', label: { zh: 'Ⅰ级响应（红色）', en: 'Level I response (red)' }, hex: '#ef4444' },
};

export interface CommandModeChange {
  mode: CommandMode;
  emergencyKind?: EmergencyKind | null;
  responseLevel?: ResponseLevel | null;
  commanderCode?: string | null;
  deputyCode?: string | null;
}

export interface ChangeProblem {
  /** the body field, e.g. 'responseLevel' */
  field: keyof CommandModeChange;
  message: Label;
}

const required = (field: keyof CommandModeChange, what: Label, mode: CommandMode): ChangeProblem => ({
  field,
  message: { zh: `${commandModeLabels[mode].zh}须填写${what.zh}`, en: `${commandModeLabels[mode].en} needs ${what.en}` },
});
const notFor = (field: keyof CommandModeChange, what: Label, mode: CommandMode): ChangeProblem => ({
  field,
  message: { zh: `${commandModeLabels[mode].zh}不设${what.zh}`, en: `${commandModeLabels[mode].en} has no ${what.en}` },
});

const kindWord: Label = { zh: '应急类别', en: 'an emergency kind' };
const levelWord: Label = { zh: '响应等级', en: 'a response level' };
const commanderWord: Label = { zh: '总指挥', en: 'a commander' };
const deputyWord: Label = { zh: '副总指挥', en: 'a deputy commander' };

/**
 * What a declared mode needs (R9): emergency command names its kind, level, commander and deputy;
 * authorised command (graded response) its level and commander; joint command has no level or kind.
 * Daily command is not declared: the period in force is stood down. Whether the people exist is the
 * caller's check against the profile.
 */
export function changeProblems(c: CommandModeChange): ChangeProblem[] {
  const out: ChangeProblem[] = [];
  const has = (v: string | null | undefined) => v !== undefined && v !== null && v !== '';
  switch (c.mode) {
    case 'daily':
      out.push({ field: 'mode', message: { zh: '恢复日常指挥请使用“解除”', en: 'return to daily command by standing down' } });
      break;
    case 'joint':
      if (has(c.emergencyKind)) out.push(notFor('emergencyKind', kindWord, c.mode));
      if (has(c.responseLevel)) out.push(notFor('responseLevel', levelWord, c.mode));
      break;
    case 'authorised':
      if (has(c.emergencyKind)) out.push(notFor('emergencyKind', kindWord, c.mode));
      if (!has(c.responseLevel)) out.push(required('responseLevel', levelWord, c.mode));
      if (!has(c.commanderCode)) out.push(required('commanderCode', commanderWord, c.mode));
      break;
    case 'emergency':
      if (!has(c.emergencyKind)) out.push(required('emergencyKind', kindWord, c.mode));
      if (!has(c.responseLevel)) out.push(required('responseLevel', levelWord, c.mode));
      if (!has(c.commanderCode)) out.push(required('commanderCode', commanderWord, c.mode));
      if (!has(c.deputyCode)) out.push(required('deputyCode', deputyWord, c.mode));
      break;
  }
  if (has(c.deputyCode) && !has(c.commanderCode)) out.push({ field: 'deputyCode', message: { zh: '有副总指挥须先有总指挥', en: 'a deputy needs a commander' } });
  if (has(c.commanderCode) && c.commanderCode === c.deputyCode) {
    out.push({ field: 'deputyCode', message: { zh: '总指挥和副总指挥不能是同一人', en: 'the commander and the deputy must be two people' } });
  }
  return out;
}
