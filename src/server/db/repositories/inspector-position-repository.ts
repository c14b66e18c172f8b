/** The inspectors' GPS feed: the track of the last 24 hours and the latest position per inspector. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { InspectorPositionsTable } from '../schema-positions.js';
import { withProps } from '../../../domain/with-props.js';

type Db = Kysely<DB> | Transaction<DB>;
export type InspectorPositionRow = Selectable<InspectorPositionsTable>;

/** Stores the points not stored yet (same user and same device time = the same point); returns how many were new. */
export async function insertTrackPoints(trx: Db, rows: InspectorPositionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await trx
    .insertInto('inspector_position_track')
    .values(rows)
    .onConflict((oc) => oc.columns(['town_id', 'user_id', 'recorded_at']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Makes `row` the inspector's latest position unless a later fix (by device time) is already there. */
export async function upsertLatestPosition(trx: Db, row: InspectorPositionRow): Promise<void> {
  await trx
    .insertInto('inspector_positions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['town_id', 'user_id'])
        .doUpdateSet((eb) => ({
          lng: eb.ref('excluded.lng'),
          lat: eb.ref('excluded.lat'),
          accuracy_m: eb.ref('excluded.accuracy_m'),
          recorded_at: eb.ref('excluded.recorded_at'),
          received_at: eb.ref('excluded.received_at'),
        }))
        .where('inspector_positions.recorded_at', '<', (eb) => eb.ref('excluded.recorded_at')),
    )
    .execute();
}

export function findLatestPosition(db: Db, townId: string, userId: string): Promise<InspectorPositionRow | undefined> {
  return db.selectFrom('inspector_positions').selectAll().where('town_id', '=', townId).where('user_id', '=', userId).executeTakeFirst();
}

export interface LatestInspectorPosition extends InspectorPositionRow {
  username: string;
  display_name: string;
  station_code: string | null;
}

/** Every inspector account's latest position recorded since `from` (one scan of the town's rows, each joined to its account). */
export async function latestInspectorPositions(db: Db, townId: string, from: string): Promise<LatestInspectorPosition[]> {
  const rows = await db
    .selectFrom('inspector_positions as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.town_id', 'p.user_id', 'p.lng', 'p.lat', 'p.accuracy_m', 'p.recorded_at', 'p.received_at', 'u.username', 'u.display_name', 'u.station_code'])
    .where('p.town_id', '=', townId)
    .where('p.recorded_at', '>=', from)
    .where('u.role', '=', 'inspector')
    .where('u.active', '=', 1)
    .execute();
  return rows.map((r) => withProps(r, { lng: Number(r.lng), lat: Number(r.lat), accuracy_m: r.accuracy_m === null ? null : Number(r.accuracy_m) }));
}

/** The housekeeping: track points and latest positions recorded before `before` (every town); the platform keeps no older position. */
export async function purgePositionsBefore(db: Db, before: string): Promise<number> {
  const track = await db.deleteFrom('inspector_position_track').where('recorded_at', '<', before).executeTakeFirst();
  const latest = await db.deleteFrom('inspector_positions').where('recorded_at', '<', before).executeTakeFirst();
  return Number(track.numDeletedRows) + Number(latest.numDeletedRows);
}
