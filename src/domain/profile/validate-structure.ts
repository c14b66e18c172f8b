import type { Profile } from './schema.js';
import type { ProfileIndex } from './profile-index.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';
import { stringProp } from './validate-duplicates.js';

/** Kinds that must own or lead at least one category: they are the units the loop dispatches to. */
const dutyBearingKinds = new Set(['enforcement', 'management', 'utility', 'property']);

/** Stations, station areas and grids: references, validity periods, code formats. */
export function stationProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const gridCount = new Map<string, number>();
  for (const g of p.grids) gridCount.set(g.properties.stationCode, (gridCount.get(g.properties.stationCode) ?? 0) + 1);

  p.stations.forEach((s, i) => {
    const at = `stations[${i}]`;
    if (s.committee !== undefined) {
      const d = ix.departments.get(s.committee);
      if (d === undefined) {
        out.push(problem(F.town, `${at}.committee`, `居委会 ${s.committee} 不存在`, `unknown department ${s.committee}`));
      } else if (d.kind !== 'committee') {
        out.push(problem(F.town, `${at}.committee`, `${s.committee} 不是居委会`, `department ${s.committee} is a ${d.kind}, not a committee`));
      }
    }
    if (s.temporary) {
      if (s.validFrom === undefined || s.validTo === undefined) {
        out.push(problem(F.town, at, '临时站点必须写明 validFrom 和 validTo', 'a temporary station needs validFrom and validTo'));
      } else if (s.validFrom > s.validTo) {
        out.push(problem(F.town, `${at}.validFrom`, `有效期开始 ${s.validFrom} 晚于结束 ${s.validTo}`, 'validFrom is after validTo'));
      }
      if (s.takesOverGrids.length === 0) {
        out.push(problem(F.town, `${at}.takesOverGrids`, '临时站点没有接管任何网格', 'a temporary station without grids'));
      }
    } else if ((gridCount.get(s.code) ?? 0) === 0) {
      out.push(problem(F.town, at, `站点 ${s.code} 没有网格`, `station ${s.code} has no grids`));
    }
    s.takesOverGrids.forEach((g, j) => {
      if (!ix.grids.has(g)) out.push(problem(F.town, `${at}.takesOverGrids[${j}]`, `网格 ${g} 不存在`, `unknown grid ${g}`));
    });
    if (!s.temporary && !p.stationAreas.some((a) => stringProp(a.properties, 'code') === s.code)) {
      out.push(problem(F.stations, 'features', `站点 ${s.code} 没有区域`, `no area for station ${s.code}`));
    }
  });

  p.stationAreas.forEach((a, i) => {
    const c = stringProp(a.properties, 'code');
    if (c === undefined || !ix.stations.has(c)) {
      out.push(problem(F.stations, `features[${i}].properties.code`, `站点 ${c ?? '(空)'} 不存在`, `unknown station ${c ?? '(none)'}`));
    }
  });

  const gridPattern = new RegExp(`^${p.town.code}\\d{6}$`);
  p.grids.forEach((g, i) => {
    const at = `features[${i}].properties`;
    if (!gridPattern.test(g.properties.code)) {
      out.push(
        problem(F.grids, `${at}.code`, `网格编码应为 15 位数字并以镇代码 ${p.town.code} 开头`, `a grid code is 15 digits starting with ${p.town.code}`),
      );
    }
    const s = ix.stations.get(g.properties.stationCode);
    if (s === undefined) {
      out.push(problem(F.grids, `${at}.stationCode`, `站点 ${g.properties.stationCode} 不存在`, `unknown station ${g.properties.stationCode}`));
    } else if (s.temporary) {
      out.push(
        problem(F.grids, `${at}.stationCode`, `网格必须属于常设站点，${s.code} 是临时站点`, `a grid belongs to a permanent station; ${s.code} is temporary`),
      );
    }
  });
  return out;
}

/** Departments, categories and the rules file: references and the duty coverage. */
export function departmentProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const stationRef = (file: string, path: string, code: string): void => {
    if (!ix.stations.has(code)) out.push(problem(file, path, `站点 ${code} 不存在`, `unknown station ${code}`));
  };
  const deptRef = (file: string, path: string, code: string): void => {
    if (!ix.departments.has(code)) out.push(problem(file, path, `部门 ${code} 不存在`, `unknown department ${code}`));
  };

  p.departments.forEach((d, i) => {
    const at = `departments[${i}]`;
    if (d.stationCode !== undefined) stationRef(F.departments, `${at}.stationCode`, d.stationCode);
    else if (d.kind === 'committee' || d.kind === 'station_team') {
      out.push(problem(F.departments, `${at}.stationCode`, '居委会和站联勤队必须写明所属站点', 'committees and station teams need a stationCode'));
    }
    d.liaisonStations.forEach((s, j) => stationRef(F.departments, `${at}.liaisonStations[${j}]`, s));
  });

  const dutyBearers = new Set<string>();
  p.categories.forEach((c, i) => {
    const at = `categories[${i}]`;
    deptRef(F.categories, `${at}.owner`, c.owner);
    dutyBearers.add(c.owner);
    if (c.lead !== undefined) {
      deptRef(F.categories, `${at}.lead`, c.lead);
      dutyBearers.add(c.lead);
    }
    c.assists.forEach((a, j) => deptRef(F.categories, `${at}.assists[${j}]`, a));
    if (c.majorCode !== c.code.slice(0, 2)) {
      out.push(problem(F.categories, `${at}.majorCode`, `大类代码应为 ${c.code.slice(0, 2)}`, `majorCode must be the first two digits of ${c.code}`));
    }
  });
  p.departments.forEach((d, i) => {
    if (dutyBearingKinds.has(d.kind) && !dutyBearers.has(d.code)) {
      out.push(
        problem(F.departments, `departments[${i}]`, `部门 ${d.code} 不主管也不牵头任何分类`, `department ${d.code} neither owns nor leads any category`),
      );
    }
  });

  const fallback = ix.departments.get(p.rules.routing.fallbackUnit);
  if (fallback === undefined) deptRef(F.rules, 'routing.fallbackUnit', p.rules.routing.fallbackUnit);
  else if (!fallback.fallback) {
    out.push(problem(F.rules, 'routing.fallbackUnit', `${fallback.code} 不是兜底单位 (fallback: true)`, `${fallback.code} is not a fallback unit`));
  }
  const center = ix.departments.get(p.rules.routing.centerUnit);
  if (center === undefined) deptRef(F.rules, 'routing.centerUnit', p.rules.routing.centerUnit);
  else if (center.kind !== 'center') {
    out.push(problem(F.rules, 'routing.centerUnit', `${center.code} 不是城运中心 (kind: center)`, `${center.code} is not the center`));
  }
  return out;
}
