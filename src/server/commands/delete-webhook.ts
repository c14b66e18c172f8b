/** Removes a webhook and its delivery history; events relayed afterwards are not sent to it. */
import { deleteWebhook as deleteRows, findWebhook } from '../db/repositories/webhook-repository.js';
import type { WebhookContext } from './create-webhook.js';
import type { CreatedBy } from './create-user.js';
import { recordAudit } from './record-audit.js';
import { webhookNotFound } from './update-webhook.js';

export async function deleteWebhook(ctx: WebhookContext, id: string, by: CreatedBy): Promise<void> {
  const row = await findWebhook(ctx.database.db, ctx.townId, id);
  if (!row) throw webhookNotFound();
  await ctx.database.write(async (trx) => {
    await deleteRows(trx, ctx.townId, id);
    await recordAudit(ctx, { actor: by.actor, action: 'webhook.delete', outcome: 'success', resourceType: 'webhook', resourceId: id, ip: by.ip ?? null, detail: { name: row.name, url: row.url } }, trx);
  });
}
