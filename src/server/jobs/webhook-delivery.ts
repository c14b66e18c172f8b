/**
 * Sends due webhook deliveries (R14): POST of the stored JSON body, signed with the webhook's secret
 * (X-CityOps-Signature: sha256=<HMAC-SHA256 of the raw body>), 5 s timeout, redirects not followed.
 * A 2xx answer delivers; anything else is retried after 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, and
 * the 8th failure gives up ('failed'). One webhook's deliveries go in seq order, one at a time, and
 * its first failure ends its turn, so a dead receiver costs one timeout per run, not one per event.
 */
import type { AppContext } from '../context.js';
import { claimDelivery, dueDeliveries, recordAttempt, type DueDelivery } from '../db/repositories/webhook-repository.js';
import { nextAttemptAfter, signBody } from '../webhooks/webhook-rules.js';

export interface DeliveryRunOptions {
  limit?: number;
  timeoutMs?: number;
}

export interface DeliveryRunResult {
  attempted: number;
  delivered: number;
  /** failed and to be retried */
  retrying: number;
  /** failed for the last time */
  failed: number;
}

/** longer than a send can take, so a claimed delivery is retried only if its node died */
const LEASE_MS = 60_000;

interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function send(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return { ok: false, statusCode: null, error: `refused: ${protocol} is not http or https` };
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message = name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { ok: false, statusCode: null, error: message.slice(0, 500) };
  }
}

async function attempt(ctx: AppContext, d: DueDelivery, timeoutMs: number, result: DeliveryRunResult): Promise<boolean> {
  const leaseUntil = new Date(ctx.clock.now().getTime() + LEASE_MS).toISOString();
  if (!(await claimDelivery(ctx.database.db, d.id, d.next_attempt_at, leaseUntil))) return true; // another node has it
  result.attempted++;
  let outcome: SendResult;
  try {
    const secret = ctx.cipher.decrypt(d.secret_enc, `webhook:${d.webhook_id}`);
    const headers = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'cityops-webhook/1', 'x-cityops-signature': signBody(secret, d.payload), 'x-cityops-delivery': d.id };
    outcome = await send(d.url, d.payload, headers, timeoutMs);
  } catch {
    // a secret that does not open is an integrity fault on our side: record it, never send unsigned
    outcome = { ok: false, statusCode: null, error: 'the signing secret cannot be opened' };
  }
  const now = ctx.clock.now();
  const attempts = d.attempts + 1;
  if (outcome.ok) {
    result.delivered++;
    await recordAttempt(ctx.database.db, d.id, { status: 'delivered', attempts, statusCode: outcome.statusCode, error: null, nextAttemptAt: null, deliveredAt: now.toISOString() });
    return true;
  }
  const next = nextAttemptAfter(attempts, now);
  if (next) result.retrying++;
  else result.failed++;
  await recordAttempt(ctx.database.db, d.id, { status: next ? 'pending' : 'failed', attempts, statusCode: outcome.statusCode, error: outcome.error, nextAttemptAt: next?.toISOString() ?? null, deliveredAt: null });
  return false;
}

export async function deliverWebhooks(ctx: AppContext, options: DeliveryRunOptions = {}): Promise<DeliveryRunResult> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const result: DeliveryRunResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const due = await dueDeliveries(ctx.database.db, ctx.townId, ctx.clock.now().toISOString(), options.limit ?? 200);
  const byWebhook = new Map<string, DueDelivery[]>();
  for (const d of due) byWebhook.set(d.webhook_id, [...(byWebhook.get(d.webhook_id) ?? []), d]);
  // webhooks in parallel, each one's deliveries in order
  await Promise.all(
    [...byWebhook.values()].map(async (queue) => {
      for (const d of queue) if (!(await attempt(ctx, d, timeoutMs, result))) break;
    }),
  );
  return result;
}
