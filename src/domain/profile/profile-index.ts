import type { Department, GridFeature, Person, Profile, Station } from './schema.js';

/** Lookup tables over a parsed profile; the first entry wins when a code is duplicated (reported elsewhere). */
export interface ProfileIndex {
  stations: Map<string, Station>;
  departments: Map<string, Department>;
  personnel: Map<string, Person>;
  grids: Map<string, GridFeature>;
  shifts: Set<string>;
  /** grid code → the temporary station codes that take it over */
  takenOverBy: Map<string, string[]>;
}

function byCode<T>(items: readonly T[], codeOf: (t: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const code = codeOf(item);
    if (!map.has(code)) map.set(code, item);
  }
  return map;
}

export function indexProfile(p: Profile): ProfileIndex {
  const takenOverBy = new Map<string, string[]>();
  for (const s of p.stations) {
    for (const g of s.takesOverGrids) takenOverBy.set(g, [...(takenOverBy.get(g) ?? []), s.code]);
  }
  return {
    stations: byCode(p.stations, (s) => s.code),
    departments: byCode(p.departments, (d) => d.code),
    personnel: byCode(p.personnel, (x) => x.code),
    grids: byCode(p.grids, (g) => g.properties.code),
    shifts: new Set(p.roster.shifts.map((s) => s.code)),
    takenOverBy,
  };
}
