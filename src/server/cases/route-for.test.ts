/**
 * routeFor decides a new case's routing once per category, station and snapshot: the shared answer
 * must be the one an undecided town gives, for every pair, and nobody may change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { dongpingProfile, dongpingUsers } from '../../../test/dongping.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { routeFor, routingJson, type RouteRequest } from './route-for.js';

describe('routeFor', () => {
  let t: TestApp;
  let town: TownSnapshot;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers });
    town = await t.ctx.town.current();
  }, 60_000);
  afterAll(() => t?.close());

  const fresh = (categoryCode: string | null, stationCode: string | null): RouteRequest => ({ categoryCode, stationCode, returnCount: 0, returnedBy: [] });
  // a copy of the snapshot is another object: routing decided for it from scratch
  const undecided = (request: RouteRequest, at: string) => routeFor({ ...town }, request, at);

  it('gives every new case of every category and station what a fresh decision gives', () => {
    const categories = [null, ...town.categories.keys()];
    const stations = [null, ...town.stations.map((s) => s.code)];
    expect(categories.length).toBeGreaterThan(5);
    expect(stations.length).toBeGreaterThan(2);
    // decided in one order, read back in the other
    for (const c of categories) for (const s of stations) routeFor(town, fresh(c, s), '2026-11-26T01:00:00.000Z');
    for (const c of [...categories].reverse()) {
      for (const s of [...stations].reverse()) {
        const shared = routeFor(town, fresh(c, s), '2026-11-26T02:00:00.000Z');
        expect(shared).toEqual(undecided(fresh(c, s), '2026-11-26T02:00:00.000Z'));
        // the text kept with the shared decision: character for character what serialising the answer gives
        expect(routingJson(shared)).toBe(JSON.stringify(shared));
      }
    }
  });

  it('stamps each answer with its own time and lets no caller change the shared decision', () => {
    const code = [...town.categories.values()].find((c) => c.assists.length > 0)!.code;
    const station = town.stations[0]!.code;
    const first = routeFor(town, fresh(code, station), '2026-11-26T01:00:00.000Z');
    const second = routeFor(town, fresh(code, station), '2026-11-26T03:00:00.000Z');
    expect(first.decidedAt).toBe('2026-11-26T01:00:00.000Z');
    expect(second.decidedAt).toBe('2026-11-26T03:00:00.000Z');
    expect(first.assistUnits.length).toBeGreaterThan(0);
    expect(() => first.assistUnits.push('X')).toThrow(TypeError);
    expect(() => {
      (first.explanation as { zh: string }).zh = 'changed';
    }).toThrow(TypeError);
    expect(routeFor(town, fresh(code, station), 'later').explanation).toEqual(undecided(fresh(code, station), 'later').explanation);
  });

  it('decides a returned or escalated case anew, not from the new cases’ answer', () => {
    const category = [...town.categories.values()].find((c) => !c.stationLevel && c.owner)!;
    const station = town.stations[0]!.code;
    const first = routeFor(town, fresh(category.code, station), 'now');
    expect(first.kind).toBe('auto');
    const returned = routeFor(town, { ...fresh(category.code, station), returnCount: 1, returnedBy: [first.leadUnit!] }, 'now');
    expect(returned.leadUnit).not.toBe(first.leadUnit);
    expect(returned).toEqual(undecided({ ...fresh(category.code, station), returnCount: 1, returnedBy: [first.leadUnit!] }, 'now'));
    const escalated = routeFor(town, { ...fresh(category.code, station), escalated: true }, 'now');
    expect(escalated).toEqual(undecided({ ...fresh(category.code, station), escalated: true }, 'now'));
    expect(routingJson(returned)).toBe(JSON.stringify(returned));
    expect(routingJson(escalated)).toBe(JSON.stringify(escalated));
    // and the new cases' answer is still the new cases' answer
    expect(routeFor(town, fresh(category.code, station), 'now')).toEqual(first);
  });
});
