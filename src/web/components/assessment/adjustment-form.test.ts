import { describe, expect, it } from 'vitest';
import { adjustmentProblems, serverProblems, signedPoints } from './adjustment-form.js';

describe('manual adjustment form', () => {
  it('asks for a unit, points within ±20 and not 0, and a reason of at least 4 characters', () => {
    expect(adjustmentProblems({ unitCode: 'CGZD', points: -2, reason: '多次弄虚作假' })).toEqual({});
    expect(adjustmentProblems({ unitCode: '', points: null, reason: '  ab  ' })).toEqual({
      unitCode: 'assessment.annual.unitRequired',
      points: 'assessment.annual.pointsRequired',
      reason: 'assessment.annual.reasonRequired',
    });
    expect(adjustmentProblems({ unitCode: 'X', points: 0, reason: '理由充分' }).points).toBe('assessment.annual.pointsRequired');
    expect(adjustmentProblems({ unitCode: 'X', points: 20.5, reason: '理由充分' }).points).toBe('assessment.annual.pointsRequired');
    expect(adjustmentProblems({ unitCode: 'X', points: 20, reason: '理由充分' })).toEqual({});
  });

  it('puts the server’s field problems beside their fields, the rest above the form', () => {
    const unknown = { zh: '单位 X 不存在', en: 'unknown unit X' };
    const short = { zh: '太短', en: 'too short' };
    const year = { zh: '年份无效', en: 'bad year' };
    expect(
      serverProblems([
        { field: 'body.unitCode', message: unknown },
        { field: 'body.reason', message: short },
        { field: 'body.year', message: year },
      ]),
    ).toEqual({ unitCode: unknown, reason: short, form: year });
    expect(serverProblems([{ field: 'body', message: year }])).toEqual({ form: year });
  });

  it('writes points with their sign', () => {
    expect(signedPoints(2)).toBe('+2');
    expect(signedPoints(-1.5)).toBe('−1.5');
    expect(signedPoints(0)).toBe('0');
    expect(signedPoints(0.1 + 0.2)).toBe('+0.3');
  });
});
