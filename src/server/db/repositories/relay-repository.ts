/** Reads of the outbox relay: the events named by a batch of outbox rows, with their cases. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface RelayedEvent {
  seq: number;
  case_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  actor_name: string;
  actor_role: string | null;
  data: string;
  at: string;
  case_no: string;
  status: string;
  category_code: string | null;
  station_code: string | null;
  lead_unit: string | null;
  assist_units: string;
}

/** Deliberately no reporter column: nothing read here can leak into a webhook or a notification. */
export function eventsForRelay(db: Kysely<DB>, townId: string, seqs: number[]): Promise<RelayedEvent[]> {
  if (seqs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.seq', 'e.case_id', 'e.action', 'e.from_status', 'e.to_status', 'e.actor_type', 'e.actor_name', 'e.actor_role', 'e.data', 'e.at'])
    .select(['c.case_no', 'c.status', 'c.category_code', 'c.station_code', 'c.lead_unit', 'c.assist_units'])
    .where('e.town_id', '=', townId)
    .where('e.seq', 'in', seqs)
    .execute();
}
