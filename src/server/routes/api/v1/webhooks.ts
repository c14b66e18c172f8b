/** Webhooks (R14): the system administrator registers machine subscribers to case events. */
import { z } from 'zod';
import { noQuery } from '../../../../contracts/identity.js';
import { createWebhookBody, createdWebhookDto, deliveriesQuery, deliveryPageDto, updateWebhookBody, webhookDto, webhookIdParams } from '../../../../contracts/webhooks.js';
import { authorize } from '../../../auth/authorize.js';
import { createWebhook } from '../../../commands/create-webhook.js';
import { deleteWebhook } from '../../../commands/delete-webhook.js';
import { auditActorOf } from '../../../commands/record-audit.js';
import { updateWebhook, webhookNotFound } from '../../../commands/update-webhook.js';
import type { AppContext } from '../../../context.js';
import { findWebhook, listDeliveries, listWebhooks } from '../../../db/repositories/webhook-repository.js';
import { presentDelivery, presentWebhook } from '../../../presenters/webhook.js';
import type { Api } from '../../api-instance.js';

const tags = ['webhooks'];

export async function webhookRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/webhooks',
    { schema: { tags, summary: 'Webhook 列表 Webhooks (never the secret)', querystring: noQuery, response: { 200: z.array(webhookDto) } } },
    async (request) => {
      await authorize(request, 'read', 'webhooks');
      return (await listWebhooks(ctx.database.db, ctx.townId)).map(presentWebhook);
    },
  );

  api.post(
    '/webhooks',
    {
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: '创建 Webhook Register a webhook; its signing secret (whsec_…) is in this response only',
        querystring: noQuery,
        body: createWebhookBody,
        response: { 201: createdWebhookDto },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'create', 'webhooks');
      const { row, secret } = await createWebhook(ctx, request.body, { actor: auditActorOf(actor), ip: request.ip });
      return reply.code(201).send({ ...presentWebhook(row), secret });
    },
  );

  api.patch(
    '/webhooks/:id',
    { bodyLimit: 16_384, schema: { tags, summary: '修改 Webhook Change a webhook’s name, URL, events or active flag', params: webhookIdParams, querystring: noQuery, body: updateWebhookBody, response: { 200: webhookDto } } },
    async (request) => {
      const actor = await authorize(request, 'update', 'webhooks');
      return presentWebhook(await updateWebhook(ctx, request.params.id, request.body, { actor: auditActorOf(actor), ip: request.ip }));
    },
  );

  api.delete(
    '/webhooks/:id',
    { schema: { tags, summary: '删除 Webhook Delete a webhook and its delivery history', params: webhookIdParams, querystring: noQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = await authorize(request, 'delete', 'webhooks');
      await deleteWebhook(ctx, request.params.id, { actor: auditActorOf(actor), ip: request.ip });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/webhooks/:id/deliveries',
    { schema: { tags, summary: '投递记录 Deliveries of a webhook, newest event first', params: webhookIdParams, querystring: deliveriesQuery, response: { 200: deliveryPageDto } } },
    async (request) => {
      await authorize(request, 'read', 'webhooks');
      if (!(await findWebhook(ctx.database.db, ctx.townId, request.params.id))) throw webhookNotFound();
      const { status, cursor, limit } = request.query;
      const rows = await listDeliveries(ctx.database.db, ctx.townId, request.params.id, { status, beforeSeq: cursor === undefined ? undefined : Number(cursor) }, limit + 1);
      const items = rows.slice(0, limit);
      return { items: items.map(presentDelivery), nextCursor: rows.length > limit ? String(items[items.length - 1]!.seq) : null };
    },
  );
}
