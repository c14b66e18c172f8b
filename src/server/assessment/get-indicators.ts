/** A period's indicators for every unit, station or inspector, from the assessment's counters. */
import { inspectorIndicators, periodRange, stationIndicators, unitIndicators, type FactCounts } from '../../domain/assessment/index.js';
import { localDateOf } from '../../domain/calendar/index.js';
import type { IndicatorsDto, IndicatorsQuery } from '../../contracts/assessment.js';
import type { AppContext } from '../context.js';
import { sumAssessmentCounts } from '../db/repositories/assessment-repository.js';
import { listUsers } from '../db/repositories/user-repository.js';
import { withProps } from '../../domain/with-props.js';

export async function getIndicators(ctx: AppContext, query: IndicatorsQuery): Promise<IndicatorsDto> {
  const today = localDateOf(ctx.clock.now());
  // the query schema has checked the period's shape, so a range always comes back
  const range = query.from && query.to ? { from: query.from, to: query.to } : periodRange(query.period ?? today.slice(0, 7))!;
  const sums = await sumAssessmentCounts(ctx.database.db, ctx.townId, query.subject, range.from, range.to, query.key);
  const byKey = new Map<string, Record<string, number>>();
  for (const s of sums) (byKey.get(s.key) ?? byKey.set(s.key, {}).get(s.key)!)[s.metric] = s.n;

  const town = await ctx.town.current();
  let subjects: Array<{ key: string; name: string }>;
  if (query.subject === 'unit') subjects = [...town.units.values()].map((u) => ({ key: u.code, name: u.name }));
  else if (query.subject === 'station') subjects = town.stations.map((s) => ({ key: s.code, name: town.stationNames.get(s.code) ?? s.code }));
  else subjects = (await listUsers(ctx.database.db, ctx.townId, { role: 'inspector' })).map((u) => ({ key: u.id, name: u.display_name || u.username }));
  // a subject no longer in the profile still shows what it was counted for
  for (const key of byKey.keys()) if (!subjects.some((s) => s.key === key)) subjects.push({ key, name: key });
  if (query.key !== undefined) subjects = subjects.filter((s) => s.key === query.key);

  const indicatorsOf = (c: FactCounts) => (query.subject === 'unit' ? unitIndicators(c) : query.subject === 'station' ? stationIndicators(c) : inspectorIndicators(c));
  return { subject: query.subject, from: range.from, to: range.to, items: subjects.map((s) => withProps(s, { indicators: indicatorsOf(byKey.get(s.key) ?? {}) })) };
}
