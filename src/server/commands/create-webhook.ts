/**
 * Registers a webhook (R14). The signing secret is generated here, returned once, and kept SM4-sealed
 * (it must be read back to sign, so it cannot be hashed like an API key).
 */
import type { WebhookEventName } from '../../contracts/webhooks.js';
import type { AppContext } from '../context.js';
import { insertWebhook, type WebhookRow } from '../db/repositories/webhook-repository.js';
import { newWebhookSecret } from '../webhooks/webhook-rules.js';
import type { CreatedBy } from './create-user.js';
import { recordAudit } from './record-audit.js';

export interface CreateWebhookInput {
  name: string;
  url: string;
  events: WebhookEventName[];
  active?: boolean;
}

export type WebhookContext = Pick<AppContext, 'database' | 'clock' | 'townId' | 'cipher'>;

/** '*' alone, or each action once, in the order given. */
export function normaliseEvents(events: WebhookEventName[]): WebhookEventName[] {
  return events.includes('*') ? ['*'] : [...new Set(events)];
}

export async function createWebhook(ctx: WebhookContext, input: CreateWebhookInput, by: CreatedBy): Promise<{ row: WebhookRow; secret: string }> {
  const id = crypto.randomUUID();
  const secret = newWebhookSecret();
  const at = ctx.clock.now().toISOString();
  const row: WebhookRow = {
    id,
    town_id: ctx.townId,
    name: input.name.trim(),
    url: input.url,
    secret_enc: ctx.cipher.encrypt(secret, `webhook:${id}`),
    events: JSON.stringify(normaliseEvents(input.events)),
    active: input.active === false ? 0 : 1,
    created_by: by.actor.name ?? by.actor.type,
    created_at: at,
    updated_at: at,
  };
  await ctx.database.write(async (trx) => {
    await insertWebhook(trx, row);
    await recordAudit(
      ctx,
      { actor: by.actor, action: 'webhook.create', outcome: 'success', resourceType: 'webhook', resourceId: id, ip: by.ip ?? null, detail: { name: row.name, url: row.url, events: JSON.parse(row.events) as unknown } },
      trx,
    );
  });
  return { row, secret };
}
