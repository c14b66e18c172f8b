import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { categoriesFileSchema } from './schema.js';
import type { Category, TimeLimit } from './schema.js';

// The shipped catalogue, read the way the loader reads it: YAML text checked by the zod schema.
const file = readFileSync(new URL('../../../profiles/dongping/categories.yaml', import.meta.url), 'utf8');
const { categories } = categoriesFileSchema.parse(parse(file));

/** Every department code of the Dongping profile (helpers/profile-codes.md). */
const ALL_DEPARTMENTS = [
  'CENTER', 'PCS', 'GBB', 'GTS', 'JJB', 'SRS', 'SCS', 'CGZD', 'AJS', 'SWZ', 'HW', 'HDBJ', 'WY', 'LYZ', 'GDS',
  'JW-DF', 'JW-FW', 'JW-CJ', 'JW-GL', 'JW-QJ', 'JW-QS',
  'ST-DF', 'ST-FW', 'ST-CJ', 'ST-GL', 'ST-QJ', 'ST-QS', 'ST-HBY',
  'DSF',
];
/** Those that carry duties: everyone except the center, committees, station teams and the fallback contractor. */
const DUTY_DEPARTMENTS = ['PCS', 'GBB', 'GTS', 'JJB', 'SRS', 'SCS', 'CGZD', 'AJS', 'SWZ', 'HW', 'HDBJ', 'WY', 'LYZ', 'GDS'];

/** The one category a citizen's word names: by name, or else by keyword; never ambiguous. */
function find(term: string): Category {
  const hits = categories.filter((c) => c.name === term || c.keywords.includes(term));
  expect(hits.map((c) => c.code), `"${term}" should name exactly one category`).toHaveLength(1);
  const [hit] = hits;
  if (hit === undefined) throw new Error(`no category for ${term}`);
  return hit;
}

function limit(c: Category, urgency: 'normal' | 'urgent'): Category['limits'][number] {
  const l = c.limits.find((x) => x.urgency === urgency);
  if (l === undefined) throw new Error(`${c.code} has no ${urgency} limit`);
  return l;
}

const t = (amount: number, unit: TimeLimit['unit']): TimeLimit => ({ amount, unit });

describe('profiles/dongping/categories.yaml', () => {
  it('holds at least 60 categories with unique five-digit codes whose first two digits are the major', () => {
    expect(categories.length).toBeGreaterThanOrEqual(60);
    expect(new Set(categories.map((c) => c.code)).size).toBe(categories.length);
    for (const c of categories) {
      expect(c.code).toMatch(/^\d{5}$/);
      expect(c.majorCode).toBe(c.code.slice(0, 2));
      // majors 01–05 are the 部件 classes of GB/T 47678.5-2026, 06–10 the events
      expect(c.kind, c.code).toBe(Number(c.majorCode) <= 5 ? '部件' : '事件');
    }
  });

  it('gives legacy CJ/T 214 codes of four digits, each at most once per kind (部件 and 事件 are numbered apart)', () => {
    const legacy = categories.flatMap((c) => (c.legacyCode === undefined ? [] : [`${c.kind} ${c.legacyCode}`]));
    expect(legacy.length).toBeGreaterThan(20);
    for (const code of legacy) expect(code).toMatch(/^(部件|事件) \d{4}$/);
    expect(new Set(legacy).size).toBe(legacy.length);
    expect(categories.find((c) => c.code === '01001')?.legacyCode).toBe('0101'); // 上水井盖, also 事件 0101 私搭乱建
    expect(find('违法建筑').legacyCode).toBe('0101');
    expect(find('暴露垃圾').legacyCode).toBe('0102');
  });

  it('finds every problem the issue names, by name or keyword', () => {
    const expected: Record<string, string> = {
      违法建筑: '06001',
      河道污染: '06026',
      群租: '10901',
      无序设摊: '09001',
      暴露垃圾: '06010',
      占道经营: '09006',
      井盖缺失: '01023',
      路灯损坏: '01037',
      道路破损: '06013',
      噪声扰民: '06028',
      食品安全: '10902',
      消防通道堵塞: '09012',
      违规停车: '09009',
      绿化损坏: '06045',
    };
    for (const [term, code] of Object.entries(expected)) expect(find(term).code, term).toBe(code);
  });

  it('marks exactly the seed\'s four persistent problems as persistent', () => {
    const persistent = categories.filter((c) => c.persistent).map((c) => c.code).sort();
    const seed = ['违法建筑', '河道污染', '群租', '无序设摊'].map((term) => find(term).code).sort();
    expect(persistent).toEqual(seed);
    expect(persistent).toEqual(['06001', '06026', '09001', '10901']);
  });

  it('names a lead and assistants for at least six cross-department categories', () => {
    const cross = categories.filter((c) => c.lead !== undefined);
    expect(cross.length).toBeGreaterThanOrEqual(6);
    for (const c of cross) {
      expect(c.assists.length, c.code).toBeGreaterThan(0);
      expect(c.assists, c.code).not.toContain(c.lead);
      expect(new Set(c.assists).size, c.code).toBe(c.assists.length);
    }
    // assistants without a lead would leave nobody to convene them
    for (const c of categories) if (c.lead === undefined) expect(c.assists, c.code).toEqual([]);
    expect(find('违法建筑')).toMatchObject({ lead: 'CGZD', assists: ['GBB', 'GTS', 'PCS'] });
    expect(find('消防通道堵塞')).toMatchObject({ owner: 'AJS', lead: 'AJS', assists: ['PCS', 'WY'] });
  });

  it('leaves at least eight categories to the station\'s own forces', () => {
    const station = categories.filter((c) => c.stationLevel).map((c) => c.code);
    expect(station.length).toBeGreaterThanOrEqual(8);
    for (const term of ['暴露垃圾', '积存垃圾', '乱堆物堆料', '小广告', '河面漂浮物', '非机动车乱停', '绿化带垃圾']) {
      expect(station, term).toContain(find(term).code);
    }
    expect(find('违法建筑').stationLevel).toBe(false);
  });

  it('uses only the profile\'s department codes, and every duty-bearing department owns something', () => {
    for (const c of categories) {
      for (const d of [c.owner, ...(c.lead === undefined ? [] : [c.lead]), ...c.assists]) {
        expect(ALL_DEPARTMENTS, `${c.code} ${d}`).toContain(d);
      }
      // committees and station teams are chosen per case; the center and the fallback never own a category
      expect(DUTY_DEPARTMENTS, c.code).toContain(c.owner);
    }
    const owners = new Set(categories.map((c) => c.owner));
    for (const d of DUTY_DEPARTMENTS) expect(owners.has(d), d).toBe(true);
  });

  it('lists 4–10 keywords per category, none shared between categories', () => {
    const owner = new Map<string, string>();
    for (const c of categories) {
      expect(c.keywords.length, c.code).toBeGreaterThanOrEqual(4);
      expect(c.keywords.length, c.code).toBeLessThanOrEqual(10);
      for (const k of c.keywords) {
        const first = owner.get(k);
        expect(first === undefined || first === c.code, `${k} in ${first} and ${c.code}`).toBe(true);
        owner.set(k, c.code);
      }
    }
  });

  it('gives every category a normal limit in working time and urgent ones in natural time', () => {
    for (const c of categories) {
      const urgencies = c.limits.map((l) => l.urgency);
      expect(urgencies.filter((u) => u === 'normal'), c.code).toHaveLength(1);
      expect(new Set(urgencies).size, c.code).toBe(urgencies.length);
      for (const l of c.limits) {
        const units = l.urgency === 'normal' ? ['workHour', 'workDay'] : ['hour', 'day'];
        for (const step of Object.values(l.steps)) expect(units, `${c.code} ${l.urgency}`).toContain(step.unit);
      }
    }
  });

  it('applies the town defaults to the steps the cities do not publish', () => {
    for (const c of categories) {
      expect(limit(c, 'normal').steps).toMatchObject({
        dispatch: t(1, 'workHour'),
        accept: t(2, 'workHour'),
        verify: t(1, 'workDay'),
        visit: t(2, 'workDay'),
      });
      const urgent = c.limits.find((l) => l.urgency === 'urgent');
      if (urgent !== undefined) {
        expect(urgent.steps).toMatchObject({ dispatch: t(0.25, 'hour'), accept: t(0.5, 'hour'), verify: t(2, 'hour'), visit: t(1, 'day') });
      }
    }
  });

  it('gives the safety-critical problems an urgent limit', () => {
    for (const term of ['井盖缺失', '燃气泄漏', '消防通道堵塞', '道路塌陷', '防汛墙', '道路积水', '电线掉下来']) {
      expect(find(term).limits.map((l) => l.urgency), term).toContain('urgent');
    }
  });

  it('takes the handle limits and conditions from the published rows', () => {
    // 运城 暴露生活垃圾: 4 工作时
    expect(limit(find('暴露垃圾'), 'normal').steps.handle).toEqual(t(4, 'workHour'));
    // 运城 私搭乱建: 15 工作日 once built, 2 紧急工作日 while being built
    const building = find('违法建筑');
    expect(limit(building, 'normal').steps.handle).toEqual(t(15, 'workDay'));
    expect(limit(building, 'urgent')).toMatchObject({ steps: { handle: t(2, 'day') }, closeCondition: '制止、恢复' });
    // 运城 占道经营 is published only as 2 紧急工作时: the normal case counts the same amount in working hours
    const stalls = find('占道经营');
    expect(limit(stalls, 'normal').steps.handle).toEqual(t(2, 'workHour'));
    expect(limit(stalls, 'urgent').steps.handle).toEqual(t(2, 'hour'));
    // 运城 井盖: 2 紧急工作时 when missing or displaced
    expect(limit(find('井盖缺失'), 'urgent')).toMatchObject({
      registerCondition: '缺失、移位、开裂，存在安全隐患的',
      steps: { handle: t(2, 'hour') },
    });
  });
});
