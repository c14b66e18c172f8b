/**
 * Whose notifications an actor reads: their own (user), their unit's (their department, or for a
 * station chief the station team's code), their station's and their role's.
 */
import type { Actor } from '../../domain/access/actor.js';
import { toCaseActor } from '../cases/case-actor.js';
import type { Recipient } from '../db/repositories/notification-repository.js';
import type { TownSnapshot } from '../services/town-snapshot.js';

export function recipientsOf(actor: Actor, town: TownSnapshot): Recipient[] {
  const out: Recipient[] = [
    { type: 'user', code: actor.id },
    { type: 'role', code: actor.role },
  ];
  const unit = toCaseActor(actor, town).departmentCode;
  if (unit) out.push({ type: 'unit', code: unit });
  if (actor.stationCode) out.push({ type: 'station', code: actor.stationCode });
  return out;
}
