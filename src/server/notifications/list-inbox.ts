/**
 * The caller's notifications, unread first, each part newest first. The cursor names the part and
 * the last id shown ('u123' = unread below 123, 'r…' = read), so paging crosses from unread to read.
 */
import type { AppContext } from '../context.js';
import { countUnread, listNotifications, type NotificationRow, type Recipient } from '../db/repositories/notification-repository.js';

export interface InboxQuery {
  unread?: 'true' | 'false' | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface InboxPage {
  items: NotificationRow[];
  nextCursor: string | null;
  unread: number;
}

type Part = 'unread' | 'read';
const letter: Record<Part, string> = { unread: 'u', read: 'r' };
/** "from the top" of a part: above any id */
const TOP = 999_999_999_999_999;

export async function listInbox(ctx: Pick<AppContext, 'database' | 'townId'>, recipients: Recipient[], query: InboxQuery): Promise<InboxPage> {
  const db = ctx.database.db;
  const parts: Part[] = query.unread === 'true' ? ['unread'] : query.unread === 'false' ? ['read'] : ['unread', 'read'];
  let start = 0;
  let beforeId: number | null = null;
  if (query.cursor) {
    const part: Part = query.cursor.startsWith('u') ? 'unread' : 'read';
    start = Math.max(0, parts.indexOf(part));
    beforeId = Number(query.cursor.slice(1));
  }
  const items: NotificationRow[] = [];
  let nextCursor: string | null = null;
  for (const part of parts.slice(start)) {
    const need = query.limit - items.length;
    // one more than needed tells whether this part goes on
    const rows = await listNotifications(db, ctx.townId, recipients, part, beforeId, need + 1);
    if (rows.length > need) {
      items.push(...rows.slice(0, need));
      nextCursor = `${letter[part]}${need > 0 ? Number(items[items.length - 1]!.id) : (beforeId ?? TOP)}`;
      break;
    }
    items.push(...rows);
    beforeId = null;
  }
  return { items, nextCursor, unread: await countUnread(db, ctx.townId, recipients) };
}
