/**
 * A command period in words, as the screen's banner and the console say it:
 * 「应急指挥 · 防汛防台 Ⅱ级响应（橙色） · 总指挥 黄国平 · 副总指挥 沈婷」.
 */
import type { CommandPeriodDto } from '../../api/command-mode.js';
import { commandModeLabels, emergencyKindLabels, responseLevelInfo } from '../../../domain/command/command-mode.js';
import type { Bilingual } from '../../utils/bilingual.js';

export interface CommandWords {
  mode: string;
  /** ' · 防汛防台 Ⅱ级响应（橙色） · 总指挥 … · 副总指挥 …' (empty for a bare joint command) */
  detail: string;
  /** the level's colour for the banner (CSS), or null without a level */
  colour: string | null;
}

export function commandWords(p: CommandPeriodDto, pick: (l: Bilingual) => string, person: { commander: (name: string) => string; deputy: (name: string) => string }): CommandWords {
  const parts: string[] = [];
  const level = p.responseLevel ? pick(responseLevelInfo[p.responseLevel].label) : null;
  if (p.emergencyKind) parts.push([pick(emergencyKindLabels[p.emergencyKind]), level].filter(Boolean).join(' '));
  else if (level) parts.push(level);
  if (p.commander) parts.push(person.commander(p.commander.name));
  if (p.deputy) parts.push(person.deputy(p.deputy.name));
  return {
    mode: pick(commandModeLabels[p.mode]),
    detail: parts.map((x) => ` · ${x}`).join(''),
    colour: p.responseLevel ? responseLevelInfo[p.responseLevel].hex : null,
  };
}
