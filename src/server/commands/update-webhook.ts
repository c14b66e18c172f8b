/** Changes a webhook's name, URL, event filter or active flag; the secret stays. */
import type { WebhookEventName } from '../../contracts/webhooks.js';
import { findWebhook, updateWebhook as updateRow, type WebhookPatch, type WebhookRow } from '../db/repositories/webhook-repository.js';
import { problems } from '../http/problem.js';
import { normaliseEvents, type WebhookContext } from './create-webhook.js';
import type { CreatedBy } from './create-user.js';
import { recordAudit } from './record-audit.js';

export interface UpdateWebhookInput {
  name?: string | undefined;
  url?: string | undefined;
  events?: WebhookEventName[] | undefined;
  active?: boolean | undefined;
}

export const webhookNotFound = () => problems.notFound({ zh: '没有这个 Webhook', en: 'No such webhook' });

export async function updateWebhook(ctx: WebhookContext, id: string, input: UpdateWebhookInput, by: CreatedBy): Promise<WebhookRow> {
  const before = await findWebhook(ctx.database.db, ctx.townId, id);
  if (!before) throw webhookNotFound();
  const patch: WebhookPatch = { updated_at: ctx.clock.now().toISOString() };
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.url !== undefined) patch.url = input.url;
  if (input.events !== undefined) patch.events = JSON.stringify(normaliseEvents(input.events));
  if (input.active !== undefined) patch.active = input.active ? 1 : 0;
  const changed = Object.keys(patch).filter((k) => k !== 'updated_at');
  await ctx.database.write(async (trx) => {
    await updateRow(trx, ctx.townId, id, patch);
    await recordAudit(ctx, { actor: by.actor, action: 'webhook.update', outcome: 'success', resourceType: 'webhook', resourceId: id, ip: by.ip ?? null, detail: { changed } }, trx);
  });
  const after = await findWebhook(ctx.database.db, ctx.townId, id);
  if (!after) throw webhookNotFound(); // deleted meanwhile
  return after;
}
