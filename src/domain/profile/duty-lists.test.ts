import { describe, expect, it } from 'vitest';
import { deriveDutyLists } from './duty-lists.js';

describe('deriveDutyLists', () => {
  it('collects owned, led and assisted categories per department, sorted', () => {
    const lists = deriveDutyLists([
      { code: '09002', owner: 'CGZD', lead: 'CGZD', assists: ['SCS', 'SRS'] },
      { code: '06001', owner: 'HW', lead: null, assists: [] },
      { code: '01001', owner: 'SWZ', assists: ['CGZD'] },
    ]);
    expect(lists.get('CGZD')).toEqual({ owns: ['09002'], leads: ['09002'], assists: ['01001'] });
    expect(lists.get('SCS')).toEqual({ owns: [], leads: [], assists: ['09002'] });
    expect(lists.get('HW')).toEqual({ owns: ['06001'], leads: [], assists: [] });
    expect(lists.has('PCS')).toBe(false);
  });
});
