import type { Profile } from './schema.js';
import type { ProfileIndex } from './profile-index.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Roster references, and the 7×24 duty of the platform group (seed §四(一)1: 7×24小时全年无休). */
export function rosterProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  p.roster.rota.forEach((r, i) => {
    const at = `rota[${i}]`;
    if (!ix.shifts.has(r.shift)) out.push(problem(F.roster, `${at}.shift`, `班次 ${r.shift} 不存在`, `unknown shift ${r.shift}`));
    if (r.station !== undefined && !ix.stations.has(r.station)) {
      out.push(problem(F.roster, `${at}.station`, `站点 ${r.station} 不存在`, `unknown station ${r.station}`));
    }
    if (r.group !== undefined && r.station !== undefined) {
      out.push(problem(F.roster, at, 'group 和 station 只能填写一个', 'give a group or a station, not both'));
    }
    r.personnel.forEach((code, j) => {
      if (!ix.personnel.has(code)) out.push(problem(F.roster, `${at}.personnel[${j}]`, `人员 ${code} 不存在`, `unknown personnel ${code}`));
    });
    if (r.leader !== undefined && !ix.personnel.has(r.leader)) {
      out.push(problem(F.roster, `${at}.leader`, `人员 ${r.leader} 不存在`, `unknown personnel ${r.leader}`));
    }
  });
  const gap = firstUncoveredMinute(p);
  if (gap !== undefined) {
    const day = Math.floor(gap / MINUTES_PER_DAY) + 1;
    const t = gap % MINUTES_PER_DAY;
    const hhmm = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
    out.push(
      problem(F.roster, 'rota', `平台运行组排班未覆盖 7×24：星期${day} ${hhmm} 无人值班`, `the platform group is not on duty 7×24: weekday ${day} ${hhmm} is uncovered`),
    );
  }
  return out;
}

/**
 * The first minute of the week (0 = Monday 00:00) when nobody of the platform group is on duty, or
 * undefined. A shift whose end is not after its start runs past midnight into the next day, and
 * Sunday's night shift wraps round to Monday morning.
 */
export function firstUncoveredMinute(p: Profile): number | undefined {
  const shifts = new Map(p.roster.shifts.map((s) => [s.code, s]));
  const covered = new Uint8Array(MINUTES_PER_WEEK);
  for (const r of p.roster.rota) {
    const shift = shifts.get(r.shift);
    if (r.group !== 'platform' || shift === undefined) continue;
    const start = minutes(shift.start);
    let end = minutes(shift.end);
    if (end <= start) end += MINUTES_PER_DAY;
    for (const weekday of new Set(r.weekdays)) {
      const base = (weekday - 1) * MINUTES_PER_DAY;
      for (let m = start; m < end; m++) covered[(base + m) % MINUTES_PER_WEEK] = 1;
    }
  }
  const gap = covered.indexOf(0);
  return gap === -1 ? undefined : gap;
}
