/**
 * What one batch of committed outbox rows turns into: a webhook delivery per matching active webhook
 * and the in-app notifications of people. Only reads here; the relay writes the result in the same
 * transaction that marks the rows published.
 */
import type { AppContext } from '../context.js';
import type { NewNotificationRow } from '../db/repositories/notification-repository.js';
import { eventsForRelay, type RelayedEvent } from '../db/repositories/relay-repository.js';
import { activeWebhooks, type NewDeliveryRow, type WebhookRow } from '../db/repositories/webhook-repository.js';
import { noticeTitles, noticesForEvent } from '../notifications/notices-for-event.js';
import { webhookWants } from '../webhooks/webhook-rules.js';

export interface FanOut {
  deliveries: NewDeliveryRow[];
  notifications: NewNotificationRow[];
}

/** An outbox row as the relay reads it. */
export interface OutboxRowRef {
  id: number;
  topic: string;
  payload: string;
}

interface CaseEventRef {
  outboxId: number;
  townId: string;
  seq: number;
}

function caseEventRefs(townId: string, rows: OutboxRowRef[]): CaseEventRef[] {
  const refs: CaseEventRef[] = [];
  for (const r of rows) {
    if (r.topic !== 'case.event') continue;
    const seq = Number((JSON.parse(r.payload) as { seq?: unknown }).seq);
    if (Number.isSafeInteger(seq)) refs.push({ outboxId: Number(r.id), townId, seq });
  }
  return refs;
}

/** The JSON a subscriber receives. Case facts only: never the reporter, the description or the address. */
export function webhookBody(deliveryId: string, e: RelayedEvent): string {
  return JSON.stringify({
    id: deliveryId,
    event: {
      seq: Number(e.seq),
      caseId: e.case_id,
      caseNo: e.case_no,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      at: e.at,
      actor: { type: e.actor_type, name: e.actor_name, role: e.actor_role },
    },
    case: { status: e.status, categoryCode: e.category_code, stationCode: e.station_code, leadUnit: e.lead_unit },
  });
}

function deliveriesFor(ref: CaseEventRef, e: RelayedEvent, hooks: WebhookRow[], at: string): NewDeliveryRow[] {
  return hooks
    .filter((h) => webhookWants(JSON.parse(h.events) as string[], e.action))
    .map((h) => {
      const id = crypto.randomUUID();
      return { id, town_id: ref.townId, webhook_id: h.id, outbox_id: ref.outboxId, seq: ref.seq, action: e.action, payload: webhookBody(id, e), status: 'pending', last_status_code: null, last_error: null, next_attempt_at: at, delivered_at: null, created_at: at };
    });
}

function notificationsFor(ref: CaseEventRef, e: RelayedEvent, at: string): NewNotificationRow[] {
  const notices = noticesForEvent({
    action: e.action,
    data: JSON.parse(e.data) as Record<string, unknown>,
    leadUnit: e.lead_unit,
    assistUnits: JSON.parse(e.assist_units) as string[],
    stationCode: e.station_code,
  });
  return notices.map((n) => ({
    town_id: ref.townId,
    recipient_type: n.recipientType,
    recipient_code: n.recipientCode,
    case_id: e.case_id,
    seq: ref.seq,
    outbox_id: ref.outboxId,
    kind: n.kind,
    title_zh: noticeTitles[n.kind].zh,
    title_en: noticeTitles[n.kind].en,
    read_at: null,
    created_at: at,
  }));
}

export async function fanOut(ctx: AppContext, rows: OutboxRowRef[], at: string): Promise<FanOut> {
  const out: FanOut = { deliveries: [], notifications: [] };
  // the deployment's town: every command writes its outbox rows under it
  const refs = caseEventRefs(ctx.townId, rows);
  if (refs.length === 0) return out;
  const [events, hooks] = await Promise.all([eventsForRelay(ctx.database.db, ctx.townId, refs.map((r) => r.seq)), activeWebhooks(ctx.database.db, ctx.townId)]);
  const bySeq = new Map(events.map((e) => [Number(e.seq), e]));
  for (const ref of refs) {
    const e = bySeq.get(ref.seq);
    if (!e) continue;
    out.deliveries.push(...deliveriesFor(ref, e, hooks, at));
    out.notifications.push(...notificationsFor(ref, e, at));
  }
  return out;
}
