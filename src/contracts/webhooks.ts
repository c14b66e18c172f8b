/** HTTP contracts of webhooks: machine subscribers to case events (R14), and their deliveries. */
import { z } from 'zod';
import { caseActions } from '../domain/case/vocabulary.js';
import { plainName } from './identity.js';

/** What a webhook may subscribe to: every action recorded on a case, or '*' for all of them. */
export const webhookEventNames = ['*', 'report', ...caseActions, 'attach', 'joint-meeting'] as const;
export type WebhookEventName = (typeof webhookEventNames)[number];

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;

/** http or https only; credentials in the URL would be shown in every listing, so they are refused */
export const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
  .max(2000)
  .refine((u) => {
    const parsed = new URL(u);
    return parsed.username === '' && parsed.password === '';
  }, 'no user name or password in the URL; authenticate the request by its signature');

export const webhookEvents = z
  .array(z.enum(webhookEventNames))
  .min(1)
  .max(webhookEventNames.length)
  .refine((events) => !events.includes('*') || events.length === 1, "'*' stands alone: it already means every event");

export const createWebhookBody = z.strictObject({
  name: plainName,
  url: webhookUrl,
  events: webhookEvents,
  active: z.boolean().default(true),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z
  .strictObject({ name: plainName.optional(), url: webhookUrl.optional(), events: webhookEvents.optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const webhookIdParams = z.strictObject({ id: z.uuid() });

export const webhookDto = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDto = z.infer<typeof webhookDto>;
/** the signing secret (whsec_…) is in the creation response only */
export const createdWebhookDto = webhookDto.extend({ secret: z.string() });

export const deliveriesQuery = z.strictObject({
  status: z.enum(deliveryStatuses).optional(),
  /** opaque: the nextCursor of the previous page */
  cursor: z.string().regex(/^\d{1,15}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const deliveryDto = z.object({
  id: z.string(),
  webhookId: z.string(),
  seq: z.number().int(),
  action: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export const deliveryPageDto = z.object({ items: z.array(deliveryDto), nextCursor: z.string().nullable() });
