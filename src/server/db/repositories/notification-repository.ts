/** SQL of in-app notifications. A notification is addressed to a user, a unit, a station or a role. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { NotificationsTable, RecipientType } from '../schema-webhooks.js';

export type NotificationRow = Selectable<NotificationsTable> & { case_no: string };
export type NewNotificationRow = Insertable<NotificationsTable>;
export interface Recipient {
  type: RecipientType;
  code: string;
}
type Db = Kysely<DB> | Transaction<DB>;

/** A second relay of the same event finds (seq, recipient) taken and adds nothing. */
export async function insertNotifications(trx: Transaction<DB>, rows: NewNotificationRow[]): Promise<void> {
  // in chunks: SQLite takes at most 32766 parameters in one statement
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['town_id', 'seq', 'recipient_type', 'recipient_code']).doNothing())
      .execute();
  }
}

function inbox(db: Db, townId: string, recipients: Recipient[]) {
  return db
    .selectFrom('notifications as n')
    .where('n.town_id', '=', townId)
    .where((eb) => eb.or(recipients.map((r) => eb.and([eb('n.recipient_type', '=', r.type), eb('n.recipient_code', '=', r.code)]))));
}

/** One phase of the inbox (unread or read), newest first, below an id when continuing a page. */
export function listNotifications(db: Db, townId: string, recipients: Recipient[], phase: 'unread' | 'read', beforeId: number | null, limit: number): Promise<NotificationRow[]> {
  let q = inbox(db, townId, recipients)
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .selectAll('n')
    .select('c.case_no')
    .where('n.read_at', phase === 'unread' ? 'is' : 'is not', null);
  if (beforeId !== null) q = q.where('n.id', '<', beforeId);
  return q.orderBy('n.id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, townId: string, recipients: Recipient[]): Promise<number> {
  const r = await inbox(db, townId, recipients).select((eb) => eb.fn.countAll<number>().as('n')).where('n.read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findNotificationFor(db: Db, townId: string, recipients: Recipient[], id: number): Promise<NotificationRow | undefined> {
  return inbox(db, townId, recipients).innerJoin('cases as c', 'c.id', 'n.case_id').selectAll('n').select('c.case_no').where('n.id', '=', id).executeTakeFirst();
}

/** Marks read what is unread among the given ids (or all of the caller's when ids is null); returns how many. */
export async function markRead(db: Db, townId: string, recipients: Recipient[], ids: number[] | null, at: string): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('town_id', '=', townId)
    .where('read_at', 'is', null)
    .where((eb) => eb.or(recipients.map((r) => eb.and([eb('recipient_type', '=', r.type), eb('recipient_code', '=', r.code)]))));
  if (ids !== null) q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
