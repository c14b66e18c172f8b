import type { Profile } from './schema.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';

/**
 * Reports every repeat of a key after its first occurrence. `pathOf(i)` names the repeated entry;
 * the message names the first one, so the town can see which two collide.
 */
function repeats(
  file: string,
  keys: ReadonlyArray<string | undefined>,
  pathOf: (i: number) => string,
  what: { zh: string; en: string },
): ProfileProblem[] {
  const first = new Map<string, number>();
  const out: ProfileProblem[] = [];
  keys.forEach((key, i) => {
    if (key === undefined) return;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, i);
      return;
    }
    out.push(
      problem(file, pathOf(i), `${what.zh}重复：${key}，与 ${pathOf(seen)} 相同`, `duplicate ${what.en} ${key}, first at ${pathOf(seen)}`),
    );
  });
  return out;
}

/** Codes that must be unique within their list (stations, grids, departments, categories, …). */
export function duplicateProblems(p: Profile): ProfileProblem[] {
  return [
    ...repeats(F.town, p.stations.map((s) => s.code), (i) => `stations[${i}].code`, { zh: '站点编码', en: 'station code' }),
    ...repeats(F.town, p.centerGroups.map((g) => g.code), (i) => `centerGroups[${i}].code`, { zh: '中心小组', en: 'center group' }),
    ...repeats(F.stations, p.stationAreas.map((a) => stringProp(a.properties, 'code')), (i) => `features[${i}].properties.code`, {
      zh: '站点区域编码',
      en: 'station area code',
    }),
    ...repeats(F.grids, p.grids.map((g) => g.properties.code), (i) => `features[${i}].properties.code`, { zh: '网格编码', en: 'grid code' }),
    ...repeats(F.departments, p.departments.map((d) => d.code), (i) => `departments[${i}].code`, { zh: '部门编码', en: 'department code' }),
    ...repeats(F.categories, p.categories.map((c) => c.code), (i) => `categories[${i}].code`, { zh: '分类代码', en: 'category code' }),
    // CJ/T 214 numbers 部件 and 事件 separately (0101 is both 上水井盖 and 私搭乱建): unique per kind
    ...repeats(F.categories, p.categories.map((c) => (c.legacyCode === undefined ? undefined : `${c.kind} ${c.legacyCode}`)), (i) => `categories[${i}].legacyCode`, {
      zh: '旧分类代码',
      en: 'legacy category code',
    }),
    ...repeats(F.organization, p.personnel.map((x) => x.code), (i) => `personnel[${i}].code`, { zh: '人员编码', en: 'personnel code' }),
    ...repeats(F.roster, p.roster.shifts.map((s) => s.code), (i) => `shifts[${i}].code`, { zh: '班次编码', en: 'shift code' }),
    ...repeats(F.holidays, p.holidays.map((h) => h.date), (i) => `overrides[${i}].date`, { zh: '日期', en: 'date' }),
    ...repeats(F.demoUsers, p.demoUsers.map((u) => u.username), (i) => `users[${i}].username`, { zh: '用户名', en: 'username' }),
    ...repeats(F.devices, p.devices.map((d) => d.id), (i) => `devices[${i}].id`, { zh: '设备编号', en: 'device id' }),
  ];
}

export function stringProp(props: Record<string, unknown> | null | undefined, key: string): string | undefined {
  const v = props?.[key];
  return typeof v === 'string' ? v : undefined;
}
