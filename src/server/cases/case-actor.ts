/** The platform's actor as the case machine sees it, and as the record names it. */
import type { Actor } from '../../domain/access/index.js';
import type { Actor as CaseActor } from '../../domain/case/index.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import type { NewCaseEvent } from '../db/repositories/case-event-repository.js';

/**
 * A station chief acts for the station's own forces (its station_team unit), so a case dispatched
 * to ST-QS is the 前哨 chief's to accept, return and feed back.
 */
export function toCaseActor(actor: Actor, town: TownSnapshot): CaseActor {
  let departmentCode = actor.departmentCode;
  if (actor.role === 'station_chief' && !departmentCode && actor.stationCode) {
    departmentCode = [...town.units.values()].find((u) => u.kind === 'station_team' && u.stationCode === actor.stationCode)?.code ?? null;
  }
  return { userId: actor.id, role: actor.role, stationCode: actor.stationCode, departmentCode };
}

export function recordActor(actor: Actor): NewCaseEvent['actor'] {
  // the record names the person as people know them, with the account that acted
  return { type: actor.kind, id: actor.id, name: actor.displayName && actor.displayName !== actor.username ? `${actor.displayName}（${actor.username}）` : actor.username, role: actor.role };
}

/** Automatic steps (routing's own dispatch, the deadline sweep) are recorded as the system. */
export const systemActor = (id: string): NewCaseEvent['actor'] => ({ type: 'system', id, name: id, role: null });
export const systemCaseActor: CaseActor = { userId: 'system', role: 'dispatcher', stationCode: null, departmentCode: null };
