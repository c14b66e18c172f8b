/**
 * What of an event's data is worth a line in 办理记录: units, results, outcomes, limits, decisions,
 * category, notes and texts. Photos and routing are shown by the timeline itself.
 */
import type { CaseDetailDto } from '../api/cases.js';
import { visitOutcomeLabels, type VisitOutcome } from '../../domain/case/vocabulary.js';

export interface EventFact {
  /** i18n key of the caption under caseDetail.timeline */
  key: string;
  value: string;
  /** for the value: an i18n key (translated), a label, or plain text */
  kind: 'i18n' | 'text';
}

type Data = CaseDetailDto['events'][number]['data'];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function eventFacts(data: Data, unitName: (code: string) => string, zh: boolean): EventFact[] {
  const facts: EventFact[] = [];
  const lead = str(data.leadUnit);
  if (lead) facts.push({ key: 'lead', value: unitName(lead), kind: 'text' });
  const assist = strings(data.assistUnits);
  if (assist.length) facts.push({ key: 'assist', value: assist.map(unitName).join('、'), kind: 'text' });
  if (data.result === 'pass' || data.result === 'fail') facts.push({ key: 'result', value: `caseDetail.timeline.${data.result}`, kind: 'i18n' });
  const outcome = str(data.outcome);
  if (outcome && outcome in visitOutcomeLabels) {
    const l = visitOutcomeLabels[outcome as VisitOutcome];
    facts.push({ key: 'outcome', value: zh ? l.zh : l.en, kind: 'text' });
  }
  if (data.decision === 'approve' || data.decision === 'refuse') facts.push({ key: 'decision', value: `caseDetail.timeline.${data.decision}`, kind: 'i18n' });
  const limit = data.limit as { amount?: unknown; unit?: unknown } | undefined;
  if (limit && typeof limit.amount === 'number' && typeof limit.unit === 'string') facts.push({ key: 'limit', value: `${limit.amount}|${limit.unit}`, kind: 'text' });
  const category = str(data.categoryCode);
  if (category) facts.push({ key: 'category', value: category, kind: 'text' });
  const participants = strings(data.participants);
  if (participants.length) facts.push({ key: 'participants', value: participants.map(unitName).join('、'), kind: 'text' });
  const minutes = str(data.minutes);
  if (minutes) facts.push({ key: 'minutes', value: minutes, kind: 'text' });
  const text = str(data.text);
  if (text) facts.push({ key: 'text', value: text, kind: 'text' });
  const note = str(data.note);
  if (note) facts.push({ key: 'note', value: note, kind: 'text' });
  return facts;
}

export const photosOf = (data: Data, key: 'beforePhotos' | 'afterPhotos' | 'photos'): string[] => strings(data[key]);
