import { describe, expect, it } from 'vitest';
import type { AnnualAssessmentDto } from '../../api/assessment.js';
import { formatScore, reportOrder, yearFromQuery } from './annual-rows.js';
import { actionLabelOf, statusLabelOf } from './case-rows.js';

type AnnualUnit = AnnualAssessmentDto['units'][number];
const u = (unitCode: string, name: string, rank: number | null) => ({ unitCode, name, rank }) as AnnualUnit;

describe('annual report rows', () => {
  it('lists the ranked by place (ties by name), then the unranked by name', () => {
    const rows = reportOrder([u('Z', '镇环卫所', null), u('B', '城管中队', 2), u('A', '房管所', 1), u('C', '绿化所', 2), u('Y', '市场所', null)]);
    expect(rows.map((r) => r.unitCode)).toEqual(['A', 'B', 'C', 'Y', 'Z']);
  });

  it('writes scores to one decimal and a dash when nothing was counted', () => {
    expect(formatScore(86.44)).toBe('86.4');
    expect(formatScore(90)).toBe('90.0');
    expect(formatScore(null)).toBe('—');
  });

  it('reads ?year= and falls back to this year', () => {
    expect(yearFromQuery('2025', '2026-11-25')).toBe(2025);
    expect(yearFromQuery(undefined, '2026-11-25')).toBe(2026);
    expect(yearFromQuery('1999', '2026-11-25')).toBe(2026);
    expect(yearFromQuery('abcd', '2026-11-25')).toBe(2026);
  });

  it('names a drill-down row’s step and status with the domain’s words, the raw code otherwise', () => {
    expect(actionLabelOf('dispatch').zh).toBe('派遣');
    expect(actionLabelOf('report').zh).toBe('受理/上报');
    expect(actionLabelOf('sweep')).toEqual({ zh: 'sweep', en: 'sweep' });
    expect(statusLabelOf('closed').zh).toBe('已结案');
    expect(statusLabelOf('constructor')).toEqual({ zh: 'constructor', en: 'constructor' });
  });
});
