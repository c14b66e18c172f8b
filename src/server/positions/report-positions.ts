/**
 * POST /inspectors/me/positions: the inspector phone's GPS fixes, a batch at a time. Each point is
 * converted to WGS84 (GCJ-02 / BD-09 like intake), must lie inside the town and have a device time
 * no later than the server's clock plus a small skew and no older than 24 hours. A batch with a
 * refused point is refused whole (422), each bad point named by its field path, so the phone drops
 * exactly those and resends the rest. Accepted points go to the 24-hour track (a resent point — same
 * user, same device time — is stored once) and the newest becomes the latest position unless a
 * later one is there already. Positions are telemetry, not decisions: they are not audited row by
 * row (the track itself is the record), and they never touch the cases' tables.
 */
import type { ReportPositionsBody, ReportPositionsDto } from '../../contracts/inspector-positions.js';
import type { Actor } from '../../domain/access/index.js';
import { toWgs84 } from '../../domain/geo/index.js';
import { judgePositionTime } from '../../domain/positions/index.js';
import type { AppContext } from '../context.js';
import { findLatestPosition, insertTrackPoints, upsertLatestPosition, type InspectorPositionRow } from '../db/repositories/inspector-position-repository.js';
import { Problem, type FieldError } from '../http/problem.js';
import { locateIn } from '../services/town-snapshot.js';

const round7 = (x: number): number => Math.round(x * 1e7) / 1e7;

const refusals = {
  outside: { zh: '不在本镇辖区内（不在任何网格内）', en: 'outside the town (not inside any grid)' },
  future: { zh: '定位时间晚于服务器时间', en: 'the fix time is in the future' },
  tooOld: { zh: '定位时间早于 24 小时前', en: 'the fix is older than 24 hours' },
};

export async function reportPositions(ctx: AppContext, actor: Actor, body: ReportPositionsBody): Promise<ReportPositionsDto> {
  const now = ctx.clock.now();
  const receivedAt = now.toISOString();
  const town = await ctx.town.current();
  const errors: FieldError[] = [];
  const byTime = new Map<string, InspectorPositionRow>();
  body.points.forEach((p, i) => {
    const at = new Date(p.at);
    const verdict = judgePositionTime(at, now);
    if (verdict !== 'ok') errors.push({ field: `body.points.${i}.at`, message: verdict === 'future' ? refusals.future : refusals.tooOld });
    const [lng, lat] = toWgs84(p.lng, p.lat, p.crs);
    if (!locateIn(town, lng, lat, now)) errors.push({ field: `body.points.${i}`, message: refusals.outside });
    // the same device time twice in one batch is one point: the later entry wins
    const recordedAt = at.toISOString();
    byTime.set(recordedAt, { town_id: ctx.townId, user_id: actor.id, lng: round7(lng), lat: round7(lat), accuracy_m: p.accuracy ?? null, recorded_at: recordedAt, received_at: receivedAt });
  });
  if (errors.length > 0) {
    throw new Problem(422, 'POSITION_REFUSED', { zh: '部分定位点不被接受，整批未保存', en: 'Some points were refused; nothing of the batch was stored' }, errors);
  }
  const rows = [...byTime.values()].sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
  const newest = rows.at(-1)!;
  const accepted = await ctx.database.write(async (trx) => {
    const n = await insertTrackPoints(trx, rows);
    await upsertLatestPosition(trx, newest);
    return n;
  });
  const latest = (await findLatestPosition(ctx.database.db, ctx.townId, actor.id)) ?? newest;
  return {
    accepted,
    duplicates: body.points.length - accepted,
    latest: { lng: Number(latest.lng), lat: Number(latest.lat), accuracy: latest.accuracy_m === null ? null : Number(latest.accuracy_m), at: latest.recorded_at },
  };
}
