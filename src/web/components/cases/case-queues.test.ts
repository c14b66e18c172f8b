import { describe, expect, it } from 'vitest';
import { filtersFromQuery, listParams, queryFromFilters, queueFilter } from './case-queues.js';

describe('case queues', () => {
  it('maps each queue to the statuses or the deadline light it shows', () => {
    expect(queueFilter('toRegister')).toEqual({ status: 'reported' });
    expect(queueFilter('handling')).toEqual({ status: 'dispatched,accepted,handling' });
    expect(queueFilter('toVisit')).toEqual({ status: 'verified' });
    expect(queueFilter('red')).toEqual({ deadline: 'red' });
    expect(queueFilter('all')).toEqual({});
  });

  it('round-trips the filters through the URL and drops the defaults', () => {
    const f = filtersFromQuery({ queue: 'toRegister', q: '摆摊', station: 'DF', junk: 'x' });
    expect(f).toEqual({ queue: 'toRegister', q: '摆摊', channel: '', station: 'DF' });
    expect(queryFromFilters(f)).toEqual({ queue: 'toRegister', q: '摆摊', station: 'DF' });
    expect(filtersFromQuery({ queue: 'nonsense' }).queue).toBe('all');
    expect(queryFromFilters(filtersFromQuery({}))).toEqual({});
  });

  it('builds the list query with the cursor', () => {
    expect(listParams({ queue: 'yellow', q: ' 井盖 ', channel: 'hotline_12345', station: '' }, 'abc')).toEqual({
      deadline: 'yellow',
      q: '井盖',
      channel: 'hotline_12345',
      cursor: 'abc',
      limit: 50,
    });
  });
});
