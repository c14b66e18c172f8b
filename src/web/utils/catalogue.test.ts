import { describe, expect, it } from 'vitest';
import type { CategoryDto } from '../api/organisation.js';
import { inScope, majorClasses } from './catalogue.js';
import { matchesAny, normalise } from './text-match.js';

const cat = (code: string, kind: CategoryDto['kind'], majorCode: string, majorName: string): CategoryDto => ({
  code,
  kind,
  majorCode,
  majorName,
  name: `类别${code}`,
  legacyCode: null,
  owner: 'CGZD',
  lead: null,
  assists: [],
  stationLevel: false,
  persistent: false,
  keywords: ['井盖'],
  limits: [],
});

describe('catalogue', () => {
  const list = [cat('06001', '事件', '06', '市容环境类'), cat('01001', '部件', '01', '市政公用设施'), cat('01002', '部件', '01', '市政公用设施')];

  it('groups categories into major classes per kind, ordered by code, with counts', () => {
    expect(majorClasses(list)).toEqual([
      { kind: '部件', code: '01', name: '市政公用设施', count: 2 },
      { kind: '事件', code: '06', name: '市容环境类', count: 1 },
    ]);
  });
  it('filters by the picked node of the tree', () => {
    expect(list.filter((c) => inScope(c, { kind: null })).length).toBe(3);
    expect(list.filter((c) => inScope(c, { kind: '部件', major: null })).map((c) => c.code)).toEqual(['01001', '01002']);
    expect(list.filter((c) => inScope(c, { kind: '事件', major: '01' }))).toEqual([]);
  });
  it('matches a trimmed, case-insensitive query against any field', () => {
    expect(matchesAny(normalise('  井盖 '), ['供水', null, '供水井盖'])).toBe(true);
    expect(matchesAny(normalise('CGZD'), ['cgzd'])).toBe(true);
    expect(matchesAny(normalise('河道'), ['井盖', undefined])).toBe(false);
    expect(matchesAny(normalise(''), [])).toBe(true);
  });
});
