import { describe, expect, it } from 'vitest';
import { grid, miniProfile, rect } from './mini-profile.fixture.js';
import type { Profile } from './schema.js';
import { validateProfile } from './validate-profile.js';
import type { ProfileProblem } from './validate-profile.js';

/** The problems of the mini profile after `change`. */
function problemsAfter(change: (p: Profile) => void): ProfileProblem[] {
  const p = miniProfile();
  change(p);
  return validateProfile(p);
}
/** 'file path' of each problem, in the order reported. */
const where = (problems: ProfileProblem[]): string[] => problems.map((x) => `${x.file} ${x.path}`);

describe('validateProfile on a clean profile', () => {
  it('reports nothing', () => {
    expect(validateProfile(miniProfile())).toEqual([]);
  });
});

describe('duplicate codes', () => {
  it('names the repeated entry and the first one', () => {
    const problems = problemsAfter((p) => {
      p.stations.push({ ...p.stations[1]! });
      p.grids.push(grid('310151115002001', 'B', rect(121.42, 31.6, 121.44, 31.62)));
      p.departments.push({ ...p.departments[1]! });
      p.categories.push({ ...p.categories[0]!, code: '02002' }, { ...p.categories[0]!, legacyCode: '0202' });
      p.personnel.push({ ...p.personnel[0]! });
      p.demoUsers.push({ ...p.demoUsers[0]! });
    });
    const w = where(problems);
    expect(w).toContain('town.yaml stations[3].code');
    expect(w).toContain('grids.geojson features[3].properties.code');
    expect(w).toContain('departments.yaml departments[4].code');
    expect(w).toContain('categories.yaml categories[1].legacyCode'); // 02002 repeats legacy 0201
    expect(w).toContain('categories.yaml categories[2].code'); // 02001 again
    expect(w).toContain('organization.yaml personnel[6].code');
    expect(w).toContain('demo-users.yaml users[4].username');
    const station = problems.find((x) => x.file === 'town.yaml' && x.path === 'stations[3].code');
    expect(station?.message).toBe('站点编码重复：B，与 stations[1].code 相同 (duplicate station code B, first at stations[1].code)');
  });
});

describe('references', () => {
  it('reports unknown owner, lead and assisting departments of a category', () => {
    const problems = problemsAfter((p) => {
      p.categories[0] = { ...p.categories[0]!, owner: 'NOPE', lead: 'GONE', assists: ['OWN', 'ALSO'] };
    });
    expect(where(problems)).toEqual(
      expect.arrayContaining([
        'categories.yaml categories[0].owner',
        'categories.yaml categories[0].lead',
        'categories.yaml categories[0].assists[1]',
      ]),
    );
    expect(problems.find((x) => x.path === 'categories[0].owner')?.message).toBe('部门 NOPE 不存在 (unknown department NOPE)');
    // OWN no longer owns anything now
    expect(where(problems)).toContain('departments.yaml departments[1]');
  });

  it('checks where a person works and the grids an inspector patrols', () => {
    const problems = problemsAfter((p) => {
      p.personnel[0] = { ...p.personnel[0]!, station: 'A' }; // group and station
      p.personnel[2] = { ...p.personnel[2]!, department: 'NOPE' };
      p.personnel[1] = { ...p.personnel[1]!, grids: ['310151115001001', '310151115009009', '310151115002001'] };
      p.personnel.push({ code: 'P9', name: '周杰', position: '调度员', phone: '13800000009', grids: [] });
    });
    expect(where(problems)).toEqual([
      'organization.yaml personnel[0]',
      'organization.yaml personnel[1].grids[1]', // unknown grid
      'organization.yaml personnel[1].grids[2]', // grid of station B
      'organization.yaml personnel[2].department',
      'organization.yaml personnel[6]', // works nowhere
      'demo-users.yaml users[3].department', // the handler account no longer matches P3's department
    ]);
  });

  it('lets the temporary station patrol the grids it takes over, and only those', () => {
    expect(problemsAfter((p) => (p.personnel[5]!.grids = ['310151115001002']))).toEqual([]);
    expect(where(problemsAfter((p) => (p.personnel[5]!.grids = ['310151115001001'])))).toEqual(['organization.yaml personnel[5].grids[0]']);
  });

  it('checks the roster', () => {
    const problems = problemsAfter((p) => {
      p.roster.rota.push({ weekdays: [1], shift: 'X', station: 'Z', personnel: ['P1', 'P77'], leader: 'P88' });
    });
    expect(where(problems)).toEqual([
      'roster.yaml rota[3].shift',
      'roster.yaml rota[3].station',
      'roster.yaml rota[3].personnel[1]',
      'roster.yaml rota[3].leader',
    ]);
  });

  it('checks stations: committee, grids, validity, take-overs and areas', () => {
    const problems = problemsAfter((p) => {
      p.stations[0]!.committee = 'OWN';
      p.stations[2] = { ...p.stations[2]!, validFrom: '2021-08-01', takesOverGrids: ['310151115001002', '310151115001099'] };
      p.stations.push({ code: 'C', name: 'C站', shortName: 'C', temporary: false, takesOverGrids: [] });
      p.stations.push({ code: 'U', name: 'U站', shortName: 'U', temporary: true, takesOverGrids: [] });
    });
    expect(where(problems)).toEqual([
      'town.yaml stations[0].committee',
      'town.yaml stations[2].validFrom',
      'town.yaml stations[2].takesOverGrids[1]',
      'town.yaml stations[3]', // C has no grids
      'stations.geojson features', // … and no area
      'town.yaml stations[4]', // U has no validity period
      'town.yaml stations[4].takesOverGrids', // … and takes over nothing
    ]);
  });

  it('checks grid codes and that grids belong to a permanent station', () => {
    const problems = problemsAfter((p) => {
      p.grids[0]!.properties.code = '310151116001001'; // another town
      p.grids[1]!.properties.stationCode = 'T';
      p.grids[2]!.properties.stationCode = 'Q';
    });
    expect(where(problems)).toEqual(
      expect.arrayContaining([
        'grids.geojson features[0].properties.code',
        'grids.geojson features[1].properties.stationCode',
        'grids.geojson features[2].properties.stationCode',
      ]),
    );
  });

  it('checks demo users and the separation of the three duties', () => {
    const problems = problemsAfter((p) => {
      p.demoUsers.push(
        { username: 'auditor', personnel: 'P4', role: 'auditor' }, // P4 is already system_admin
        { username: 'ghost', personnel: 'P99', role: 'dispatcher' },
        { username: 'station1', personnel: 'P2', role: 'station_chief' },
        { username: 'handler', personnel: 'P3', role: 'department_handler', department: 'NOPE' },
        { username: 'wrongstation', personnel: 'P2', role: 'inspector', station: 'B' },
      );
    });
    expect(where(problems)).toEqual([
      'demo-users.yaml users[4].personnel',
      'demo-users.yaml users[5].personnel',
      'demo-users.yaml users[6].station',
      'demo-users.yaml users[7].department',
      'demo-users.yaml users[8].station',
    ]);
    expect(problems[0]!.message).toContain('三员分立');
  });

  it('checks the rules file against the departments', () => {
    const problems = problemsAfter((p) => {
      p.rules.routing.fallbackUnit = 'OWN';
      p.rules.routing.centerUnit = 'NONE';
    });
    expect(where(problems)).toEqual(['rules.yaml routing.fallbackUnit', 'rules.yaml routing.centerUnit']);
  });

  it('requires committees and station teams to name their station, and a category major code to match', () => {
    const problems = problemsAfter((p) => {
      p.departments[2] = { ...p.departments[2]!, stationCode: undefined };
      p.categories[0]!.majorCode = '01';
    });
    expect(where(problems)).toEqual(['departments.yaml departments[2].stationCode', 'categories.yaml categories[0].majorCode']);
  });
});

describe('the 7×24 duty of the platform group', () => {
  it('names the first uncovered minute', () => {
    const problems = problemsAfter((p) => {
      p.roster.rota[1]!.weekdays = [1, 2, 3, 4, 5, 6]; // no Sunday night: Sunday 20:00 – Monday 08:00 uncovered
    });
    // Monday 00:00 is the first uncovered minute of the week (the Sunday night shift would have wrapped onto it)
    expect(problems).toEqual([expect.objectContaining({ file: 'roster.yaml', path: 'rota' })]);
    expect(problems[0]!.message).toContain('星期1 00:00');
  });

  it('finds a gap in the middle of a day', () => {
    const problems = problemsAfter((p) => {
      p.roster.shifts[0]!.end = '19:30';
    });
    expect(problems[0]!.message).toContain('星期1 19:30');
  });
});

describe('geometry', () => {
  it('reports an overlapping grid at the later one', () => {
    const problems = problemsAfter((p) => {
      p.grids[1]!.geometry = rect(121.405, 31.6, 121.42, 31.62); // half of A1 too
    });
    expect(where(problems)).toEqual(['grids.geojson features[1].geometry']);
    expect(problems[0]!.message).toMatch(/^网格 310151115001002 与网格 310151115001001 重叠 1\.0\d{3} km²/);
  });

  it('reports a gap in the town', () => {
    const problems = problemsAfter((p) => {
      p.grids[2]!.geometry = rect(121.42, 31.6, 121.43, 31.62);
    });
    expect(where(problems)).toEqual(['grids.geojson features']);
    // 0.01° × 0.02° at 31.61 N ≈ 0.9476 km × 2.2239 km ≈ 2.107 km²
    expect(problems[0]!.message).toMatch(/空隙 2\.1\d{3} km²/);
  });

  it('ignores slivers below the tolerance', () => {
    // a 0.00001° (≈1 m) strip along 2.2 km ≈ 0.002 km²: above; 0.000001° ≈ 0.0002 km²: below
    expect(problemsAfter((p) => (p.grids[2]!.geometry = rect(121.420001, 31.6, 121.44, 31.62)))).toEqual([]);
    expect(where(problemsAfter((p) => (p.grids[2]!.geometry = rect(121.42001, 31.6, 121.44, 31.62))))).toEqual(['grids.geojson features']);
  });

  it("reports a grid outside its station's area and a station area outside the boundary", () => {
    const problems = problemsAfter((p) => {
      p.grids[0]!.properties.stationCode = 'B'; // A1 lies in A's area
      p.personnel[1]!.grids = [];
      p.stationAreas[1]!.geometry = rect(121.42, 31.6, 121.45, 31.62);
    });
    expect(where(problems)).toEqual(['grids.geojson features[0].geometry', 'stations.geojson features[1].geometry']);
  });

  it("reports a taken-over grid outside the temporary station's area", () => {
    const problems = problemsAfter((p) => {
      p.stationAreas.push({ type: 'Feature', properties: { code: 'T' }, geometry: rect(121.41, 31.6, 121.42, 31.61) });
    });
    // T's area covers only the southern half of A2
    expect(where(problems)).toEqual(['town.yaml stations[2].takesOverGrids[0]']);
    expect(problemsAfter((p) => p.stationAreas.push({ type: 'Feature', properties: { code: 'T' }, geometry: rect(121.41, 31.6, 121.42, 31.62) }))).toEqual([]);
  });

  it('reports a town centre outside the boundary', () => {
    expect(where(problemsAfter((p) => (p.town.center = [121.5, 31.61])))).toEqual(['town.yaml town.center']);
  });

  it('reports malformed coordinates instead of crashing', () => {
    const problems = problemsAfter((p) => {
      p.grids[0]!.geometry = { type: 'Polygon', coordinates: [[[121.4, 31.6]]] };
    });
    expect(where(problems)).toContain('grids.geojson features[0].geometry');
  });

  it('stays fast for 60 grids', () => {
    const p = miniProfile();
    // a 10 × 6 lattice of 0.004° × 0.00333° cells over the same town, stations split at 121.42
    p.grids = [];
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 6; j++) {
        const west = 121.4 + i * 0.004;
        const st = west < 121.42 ? 'A' : 'B';
        const seq = String(i * 6 + j + 1).padStart(3, '0');
        p.grids.push(grid(`310151115${st === 'A' ? '001' : '002'}${seq}`, st, rect(west, 31.6 + j * (0.02 / 6), west + 0.004, 31.6 + (j + 1) * (0.02 / 6))));
      }
    }
    p.stations[2]!.takesOverGrids = [p.grids[0]!.properties.code];
    p.personnel[1]!.grids = [p.grids[1]!.properties.code];
    p.personnel[5]!.grids = [];
    const started = performance.now();
    expect(validateProfile(p)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('annual assessment rules', () => {
  const rules = {
    weights: { onTimeClosure: 60, satisfaction: 40 },
    minimumDispatched: 10,
    assessedKinds: ['enforcement' as const],
    veto: { lastPlaces: 1 },
    interview: { causes: ['poor_handling' as const], minimum: 1, leader: 'P1', leaderByUnit: { OWN: 'P4' } },
    accountability: { lateChannels: ['hotline_12345' as const] },
    bonus: { ledJoint: { points: 0.5, max: 3 }, proactive: { points: 0.1, max: 3 }, max: 5 },
  };
  it('accepts leaders and units that exist', () => {
    expect(problemsAfter((p) => (p.rules.assessment = rules))).toEqual([]);
  });
  it('names the interviewing leader or unit that does not exist', () => {
    const problems = problemsAfter((p) => (p.rules.assessment = { ...rules, interview: { ...rules.interview, leader: 'P99', leaderByUnit: { GHOST: 'P1', OWN: 'P98' } } }));
    expect(where(problems)).toEqual(['rules.yaml assessment.interview.leader', 'rules.yaml assessment.interview.leaderByUnit.GHOST', 'rules.yaml assessment.interview.leaderByUnit.OWN']);
  });
});
