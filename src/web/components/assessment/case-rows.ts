/** How a drill-down row names its step and status: the domain's words, or the raw code when the record holds something newer. */
import { actionLabels, recordEntryLabels, statusLabels } from '../../../domain/case/vocabulary.js';
import type { Bilingual } from '../../utils/bilingual.js';

const lookup = (table: Record<string, Bilingual>, code: string): Bilingual | undefined => (Object.hasOwn(table, code) ? table[code] : undefined);

export function actionLabelOf(action: string): Bilingual {
  return lookup(actionLabels, action) ?? lookup(recordEntryLabels, action) ?? { zh: action, en: action };
}

export function statusLabelOf(status: string): Bilingual {
  return lookup(statusLabels, status) ?? { zh: status, en: status };
}
