/** Webhook rows as API DTOs: never the signing secret (it is shown once, at creation). */
import type { z } from 'zod';
import type { WebhookDto, deliveryDto } from '../../contracts/webhooks.js';
import type { DeliveryRow, WebhookRow } from '../db/repositories/webhook-repository.js';

export function presentWebhook(row: WebhookRow): WebhookDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDelivery(row: DeliveryRow): z.infer<typeof deliveryDto> {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    seq: Number(row.seq),
    action: row.action,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}
