import type { Profile, Role } from './schema.js';
import type { ProfileIndex } from './profile-index.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';

/** 三员分立: the system, security and audit administrators must be three different people. */
const threeDuties: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** Personnel: where each person works, and the grids inspectors patrol. */
export function personnelProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  p.personnel.forEach((x, i) => {
    const at = `personnel[${i}]`;
    const places = [x.group, x.department, x.station].filter((v) => v !== undefined).length;
    if (places !== 1) {
      out.push(
        problem(F.organization, at, '必须且只能填写 group、department、station 之一', 'exactly one of group, department, station is required'),
      );
    }
    if (x.department !== undefined && !ix.departments.has(x.department)) {
      out.push(problem(F.organization, `${at}.department`, `部门 ${x.department} 不存在`, `unknown department ${x.department}`));
    }
    if (x.station !== undefined && !ix.stations.has(x.station)) {
      out.push(problem(F.organization, `${at}.station`, `站点 ${x.station} 不存在`, `unknown station ${x.station}`));
    }
    if (x.group !== undefined && !p.centerGroups.some((g) => g.code === x.group)) {
      out.push(problem(F.organization, `${at}.group`, `中心小组 ${x.group} 未在 town.yaml 中定义`, `center group ${x.group} is not defined`));
    }
    x.grids.forEach((code, j) => {
      const path = `${at}.grids[${j}]`;
      const grid = ix.grids.get(code);
      if (grid === undefined) {
        out.push(problem(F.organization, path, `网格 ${code} 不存在`, `unknown grid ${code}`));
      } else if (x.station === undefined) {
        out.push(problem(F.organization, path, '只有站点人员可以负责网格', 'only station staff patrol grids'));
      } else if (grid.properties.stationCode !== x.station && !(ix.takenOverBy.get(code) ?? []).includes(x.station)) {
        out.push(
          problem(F.organization, path, `网格 ${code} 不属于站点 ${x.station}`, `grid ${code} is not in station ${x.station}`),
        );
      }
    });
  });
  return out;
}

/** Demo accounts: who they are bound to, their scope, and the separation of the three duties. */
export function demoUserProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const dutyOf = new Map<string, { role: Role; index: number }>();
  p.demoUsers.forEach((u, i) => {
    const at = `users[${i}]`;
    const person = ix.personnel.get(u.personnel);
    if (person === undefined) {
      out.push(problem(F.demoUsers, `${at}.personnel`, `人员 ${u.personnel} 不存在`, `unknown personnel ${u.personnel}`));
    }
    if (u.station !== undefined) {
      if (!ix.stations.has(u.station)) {
        out.push(problem(F.demoUsers, `${at}.station`, `站点 ${u.station} 不存在`, `unknown station ${u.station}`));
      } else if (person?.station !== undefined && person.station !== u.station) {
        out.push(problem(F.demoUsers, `${at}.station`, `人员 ${u.personnel} 属于站点 ${person.station}`, `the person works at ${person.station}`));
      }
    }
    if (u.department !== undefined) {
      if (!ix.departments.has(u.department)) {
        out.push(problem(F.demoUsers, `${at}.department`, `部门 ${u.department} 不存在`, `unknown department ${u.department}`));
      } else if (person?.department !== undefined && person.department !== u.department) {
        out.push(
          problem(F.demoUsers, `${at}.department`, `人员 ${u.personnel} 属于部门 ${person.department}`, `the person works at ${person.department}`),
        );
      }
    }
    if ((u.role === 'inspector' || u.role === 'station_chief') && u.station === undefined) {
      out.push(problem(F.demoUsers, `${at}.station`, `角色 ${u.role} 必须指定站点`, `role ${u.role} needs a station`));
    }
    if (u.role === 'department_handler' && u.department === undefined) {
      out.push(problem(F.demoUsers, `${at}.department`, '部门处置人员必须指定部门', 'a department handler needs a department'));
    }
    if (threeDuties.includes(u.role)) {
      const earlier = dutyOf.get(u.personnel);
      if (earlier !== undefined && earlier.role !== u.role) {
        out.push(
          problem(
            F.demoUsers,
            `${at}.personnel`,
            `三员分立：${u.personnel} 已担任 ${earlier.role}（users[${earlier.index}]），不能再担任 ${u.role}`,
            `separation of duties: one person cannot be both ${earlier.role} and ${u.role}`,
          ),
        );
      } else if (earlier === undefined) {
        dutyOf.set(u.personnel, { role: u.role, index: i });
      }
    }
  });
  return out;
}
