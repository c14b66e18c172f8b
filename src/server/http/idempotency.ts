/**
 * Every POST honours an Idempotency-Key: the first response is stored (24 h at least) and replayed to
 * a repeat of the same request by the same principal; the same key with a different request is an
 * error. A created resource is replayed with 200 (it is not created again). Commands that must be
 * exact across a crash (intake) also write the key inside their own transaction.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findIdempotencyKey, saveIdempotencyKey, type IdempotencyRow } from '../db/repositories/idempotency-repository.js';
import { Problem } from './problem.js';

export const IDEMPOTENCY_TTL_MS = 48 * 3_600_000;
const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; principal: string; requestHash: string } | null;
  }
}

export function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

/** The provisional response a command writes in its own transaction: replay re-reads the resource. */
export interface ProvisionalResponse {
  $ref: { kind: 'case'; id: string };
}

export function idempotencyRow(ctx: AppContext, idem: NonNullable<FastifyRequest['idempotency']>, request: FastifyRequest, status: number, response: unknown): IdempotencyRow {
  const now = ctx.clock.now();
  return {
    town_id: ctx.townId,
    key: idem.key,
    principal: idem.principal,
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    request_hash: idem.requestHash,
    status_code: status,
    response: JSON.stringify(response),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
  };
}

export type Replayer = (stored: ProvisionalResponse, request: FastifyRequest) => Promise<unknown>;

export function installIdempotency(api: FastifyInstance, ctx: AppContext, replayRef: Replayer): void {
  api.decorateRequest('idempotency', null);
  api.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !keyPattern.test(key)) {
      throw new Problem(400, 'IDEMPOTENCY_KEY_INVALID', { zh: 'Idempotency-Key 格式不正确', en: 'Malformed Idempotency-Key' }, [
        { field: 'header.idempotency-key', message: { zh: '8–128 位字母、数字或 _.:-', en: '8–128 letters, digits or _.:-' } },
      ]);
    }
    const principal = request.actor ? `${request.actor.kind}:${request.actor.id}` : 'anonymous';
    const hash = requestHash(request);
    const stored = await findIdempotencyKey(ctx.database.db, ctx.townId, principal, key);
    if (stored && stored.expires_at > ctx.clock.now().toISOString()) {
      if (stored.request_hash !== hash) {
        throw new Problem(422, 'IDEMPOTENCY_KEY_REUSED', { zh: '该 Idempotency-Key 已用于另一个请求', en: 'This Idempotency-Key was used for a different request' }, [
          { field: 'header.idempotency-key', message: { zh: '请为新请求使用新的键', en: 'use a new key for a new request' } },
        ]);
      }
      const body = JSON.parse(stored.response) as unknown;
      const replayed = isProvisional(body) ? await replayRef(body, request) : body;
      reply.header('idempotency-replayed', 'true');
      const status = stored.status_code === 201 ? 200 : stored.status_code;
      const type = status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
      return reply.code(status).type(type).send(replayed);
    }
    request.idempotency = { key, principal, requestHash: hash };
  });
  api.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = request.idempotency;
    if (!idem || reply.statusCode >= 500 || reply.getHeader('idempotency-replayed')) return payload;
    const body = typeof payload === 'string' ? (JSON.parse(payload) as unknown) : null;
    if (body !== null) await saveIdempotencyKey(ctx.database.db, idempotencyRow(ctx, idem, request, reply.statusCode, body));
    return payload;
  });
}

function isProvisional(body: unknown): body is ProvisionalResponse {
  return typeof body === 'object' && body !== null && '$ref' in body;
}
