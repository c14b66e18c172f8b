import { describe, expect, it } from 'vitest';
import type { Category } from '../profile/schema.js';
import { limitFor, stepLimitsFor, unclassifiedLimits } from './limits.js';

const steps = (handle: number) =>
  ({
    dispatch: { amount: 1, unit: 'workHour' },
    accept: { amount: 2, unit: 'workHour' },
    handle: { amount: handle, unit: 'workDay' },
    verify: { amount: 1, unit: 'workDay' },
    visit: { amount: 3, unit: 'workDay' },
  }) as const;

const category = (limits: Category['limits']): Category => ({
  code: '01001',
  kind: '事件',
  majorCode: '01',
  majorName: '市容环境',
  name: '暴露垃圾',
  owner: 'shirongsuo',
  assists: [],
  stationLevel: true,
  persistent: false,
  keywords: ['垃圾'],
  limits,
});

const both = category([
  { urgency: 'normal', registerCondition: '发现即立案', closeCondition: '清理干净', steps: steps(3) },
  {
    urgency: 'urgent',
    registerCondition: '发现即立案',
    closeCondition: '清理干净',
    steps: { ...steps(1), handle: { amount: 4, unit: 'hour' } },
  },
]);
const normalOnly = category([{ urgency: 'normal', registerCondition: '发现即立案', closeCondition: '清理干净', steps: steps(5) }]);
const urgentOnly = category([{ urgency: 'urgent', registerCondition: '发现即立案', closeCondition: '清理干净', steps: steps(2) }]);

describe('limitFor', () => {
  it('picks the entry of the urgency', () => {
    expect(limitFor(both, 'normal', 'handle')).toEqual({ amount: 3, unit: 'workDay' });
    expect(limitFor(both, 'urgent', 'handle')).toEqual({ amount: 4, unit: 'hour' });
    expect(limitFor(both, 'urgent', 'accept')).toEqual({ amount: 2, unit: 'workHour' });
  });

  it('falls back to the other urgency when the category has no entry for it; an urgent case counts it on the natural clock', () => {
    expect(limitFor(normalOnly, 'urgent', 'handle')).toEqual({ amount: 5, unit: 'day' });
    expect(stepLimitsFor(normalOnly, 'urgent')).toEqual({
      dispatch: { amount: 1, unit: 'hour' },
      accept: { amount: 2, unit: 'hour' },
      handle: { amount: 5, unit: 'day' },
      verify: { amount: 1, unit: 'day' },
      visit: { amount: 3, unit: 'day' },
    });
    // a normal case keeps working time, even from an entry written for urgent cases
    expect(limitFor(urgentOnly, 'normal', 'handle')).toEqual({ amount: 2, unit: 'workDay' });
    expect(stepLimitsFor(normalOnly, 'normal').visit).toEqual({ amount: 3, unit: 'workDay' });
    // the town's own urgent entry is taken as written, working hours included
    expect(limitFor(both, 'urgent', 'accept')).toEqual({ amount: 2, unit: 'workHour' });
  });

  it('gives a case not yet classified the town defaults, on the natural clock when urgent', () => {
    expect(limitFor(undefined, 'normal', 'handle')).toEqual(unclassifiedLimits.handle);
    expect(limitFor(undefined, 'urgent', 'handle')).toEqual({ amount: unclassifiedLimits.handle.amount, unit: 'day' });
    expect(limitFor(undefined, 'urgent', 'dispatch')).toEqual({ amount: unclassifiedLimits.dispatch.amount, unit: 'hour' });
  });

  it('throws for a category without limits (invalid against the schema)', () => {
    expect(() => limitFor(category([]), 'normal', 'handle')).toThrow(RangeError);
  });
});
