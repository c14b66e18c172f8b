/** The town's cameras and sensors (the devices profile table) and the open cases reported through them. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { withProps } from '../../../domain/with-props.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface DeviceRow {
  code: string;
  kind: string;
  name: string;
  lng: number;
  lat: number;
  grid_code: string | null;
  metrics: string;
}

export async function listDevices(db: Db, townId: string): Promise<DeviceRow[]> {
  const rows = await db
    .selectFrom('devices')
    .select(['code', 'kind', 'name', 'lng', 'lat', 'grid_code', 'metrics'])
    .where('town_id', '=', townId)
    .where('active', '=', 1)
    .orderBy('code')
    .execute();
  return rows.map((r) => withProps(r, { lng: Number(r.lng), lat: Number(r.lat) }));
}

export interface DeviceCaseRow {
  id: string;
  case_no: string;
  channel: string;
  channel_data: string;
  status: string;
  deadline_state: string;
  category_code: string | null;
  reported_at: string;
}

/** The open cases of the device channels (one query; the device id sits in channel_data, read by the caller). */
export function openCasesOfChannels(db: Db, townId: string, channels: readonly string[], openStatuses: readonly string[]): Promise<DeviceCaseRow[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'case_no', 'channel', 'channel_data', 'status', 'deadline_state', 'category_code', 'reported_at'])
    .where('town_id', '=', townId)
    .where('status', 'in', [...openStatuses])
    .where('channel', 'in', [...channels])
    .execute();
}
