/** Scoped API keys for machine clients: list, issue (the key is shown once), revoke. */
import { z } from 'zod';
import { apiKeyDto, apiKeyIdParams, createApiKeyBody, createdApiKeyDto, noQuery } from '../../../../contracts/identity.js';
import { authorize } from '../../../auth/authorize.js';
import { createApiKey } from '../../../commands/create-api-key.js';
import { auditActorOf } from '../../../commands/record-audit.js';
import { revokeApiKey } from '../../../commands/revoke-api-key.js';
import type { AppContext } from '../../../context.js';
import { listApiKeys } from '../../../db/repositories/api-key-repository.js';
import { presentApiKey } from '../../../presenters/identity.js';
import type { Api } from '../../api-instance.js';

const tags = ['api-keys'];

export async function apiKeyRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/api-keys',
    { schema: { tags, summary: 'API 密钥列表 API keys (prefix and scopes; never the secret)', querystring: noQuery, response: { 200: z.array(apiKeyDto) } } },
    async (request) => {
      await authorize(request, 'read', 'api_keys');
      return (await listApiKeys(ctx.database.db, ctx.townId)).map(presentApiKey);
    },
  );

  api.post(
    '/api-keys',
    {
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: '创建 API 密钥 Issue a scoped API key; the key (cok_…) is in this response only',
        querystring: noQuery,
        body: createApiKeyBody,
        response: { 201: createdApiKeyDto },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'create', 'api_keys');
      const { key, row } = await createApiKey(ctx, request.body, { actor: auditActorOf(actor), ip: request.ip });
      return reply.code(201).send({ ...presentApiKey(row), key });
    },
  );

  api.delete(
    '/api-keys/:id',
    { schema: { tags, summary: '吊销 API 密钥 Revoke an API key at once', params: apiKeyIdParams, querystring: noQuery, response: { 200: apiKeyDto } } },
    async (request) => {
      const actor = await authorize(request, 'revoke', 'api_keys');
      return presentApiKey(await revokeApiKey(ctx, request.params.id, { actor: auditActorOf(actor), ip: request.ip }));
    },
  );
}
