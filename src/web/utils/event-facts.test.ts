import { describe, expect, it } from 'vitest';
import { eventFacts, photosOf } from './event-facts.js';

const names: Record<string, string> = { CGZD: '城管中队', SCS: '市场所' };
const unitName = (c: string) => names[c] ?? c;

describe('eventFacts', () => {
  it('names the units of a dispatch by their names', () => {
    expect(eventFacts({ leadUnit: 'CGZD', assistUnits: ['SCS', 'XX'] }, unitName, true)).toEqual([
      { key: 'lead', value: '城管中队', kind: 'text' },
      { key: 'assist', value: '市场所、XX', kind: 'text' },
    ]);
  });
  it('shows a failed verification, a visit outcome in the chosen language, and skips blank notes', () => {
    expect(eventFacts({ result: 'fail', note: '  ' }, unitName, true)).toEqual([{ key: 'result', value: 'caseDetail.timeline.fail', kind: 'i18n' }]);
    expect(eventFacts({ outcome: 'dissatisfied' }, unitName, false)).toEqual([{ key: 'outcome', value: 'Dissatisfied', kind: 'text' }]);
    expect(eventFacts({ outcome: 'satisfied' }, unitName, true)[0]?.value).toBe('满意');
  });
  it('keeps an extension limit and ignores data it does not understand', () => {
    expect(eventFacts({ limit: { amount: 3, unit: 'workDay' }, routing: { rule: 'x' } }, unitName, true)).toEqual([{ key: 'limit', value: '3|workDay', kind: 'text' }]);
  });
  it('shows a joint meeting with its participants by name and its minutes', () => {
    expect(eventFacts({ participants: ['CGZD', 'SCS'], minutes: '联合整治', decisions: null }, unitName, true)).toEqual([
      { key: 'participants', value: '城管中队、市场所', kind: 'text' },
      { key: 'minutes', value: '联合整治', kind: 'text' },
    ]);
  });
  it('reads photo lists, ignoring what is not a string', () => {
    expect(photosOf({ beforePhotos: ['a', 3, 'b'] }, 'beforePhotos')).toEqual(['a', 'b']);
    expect(photosOf({}, 'photos')).toEqual([]);
  });
});
