/**
 * Every POST honours an Idempotency-Key: the first response is stored (24 h at least) and replayed to
 * a repeat of the same request by the same principal; the same key with a different request is an
 * error. A created resource is replayed with 200 (it is not created again).
 *
 * Requests with one principal's key are answered one at a time: a repeat sent while the first is
 * still being handled waits for it and is answered with its stored response. Commands also write
 * the key inside their own transaction (`keyRowFor` → `claimIdempotencyKey`), so a crash right after
 * the commit still finds it on resend, and a repeat that reached another server at the same moment
 * is refused by the key's row instead of acting twice. A photo upload is hashed with its file's
 * content, which only its handler reads (`replayStoredUpload`).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findIdempotencyKey, saveIdempotencyKey, type IdempotencyRow, type KeyRowFor } from '../db/repositories/idempotency-repository.js';
import { Problem } from './problem.js';

export const IDEMPOTENCY_TTL_MS = 48 * 3_600_000;
const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;

interface KeyedRequest {
  key: string;
  principal: string;
  /** empty until known: an upload's is known once its handler has read the file */
  requestHash: string;
  /** lets the next request with this key go on */
  release: () => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: KeyedRequest | null;
  }
}

export function requestHash(request: FastifyRequest, content: string): string {
  return createHash('sha256').update(`${request.method} ${request.url.split('?')[0]}\n${content}`).digest('hex');
}

/** The provisional response a command writes in its own transaction: replay re-reads the resource. */
export interface ProvisionalResponse {
  $ref: { kind: 'case'; id: string };
}

export function caseRef(id: string): ProvisionalResponse {
  return { $ref: { kind: 'case', id } };
}

export function idempotencyRow(ctx: AppContext, idem: KeyedRequest, request: FastifyRequest, status: number, response: unknown): IdempotencyRow {
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

/** The key's row for the command to write in its transaction, from what it made; none without a key. */
export function keyRowFor<T>(ctx: AppContext, request: FastifyRequest, status: number, response: (made: T) => unknown): KeyRowFor<T> | undefined {
  const idem = request.idempotency;
  if (!idem || idem.requestHash === '') return undefined;
  return (made) => idempotencyRow(ctx, idem, request, status, response(made));
}

/** A command found its key's row taken: another request with the same key acted first. */
export function idempotencyKeyTaken(): Problem {
  return new Problem(409, 'IDEMPOTENCY_KEY_IN_USE', { zh: '使用同一 Idempotency-Key 的请求已在处理，请稍后重试以取得其结果', en: 'A request with this Idempotency-Key has been handled meanwhile; retry to get its response' }, [
    { field: 'header.idempotency-key', message: { zh: '该键已被另一个请求使用', en: 'taken by another request' } },
  ]);
}

export type Replayer = (stored: ProvisionalResponse, request: FastifyRequest) => Promise<unknown>;

/** One principal's requests with one key, one at a time. */
class KeyTurns {
  private readonly held = new Map<string, Promise<void>>();

  async take(id: string): Promise<() => void> {
    for (let turn = this.held.get(id); turn; turn = this.held.get(id)) await turn;
    let resolve!: () => void;
    this.held.set(id, new Promise<void>((r) => (resolve = r)));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held.delete(id);
      resolve();
    };
  }
}

/**
 * Answers from the stored response when the key has one (true), after checking that it was stored for
 * this same request; otherwise records the request's hash, for its own response to be stored under.
 */
async function replayStored(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, hash: string, replayRef?: Replayer): Promise<boolean> {
  const idem = request.idempotency!;
  const stored = await findIdempotencyKey(ctx.database.db, ctx.townId, idem.principal, idem.key);
  if (!stored || stored.expires_at <= ctx.clock.now().toISOString()) {
    idem.requestHash = hash;
    return false;
  }
  if (stored.request_hash !== hash) {
    throw new Problem(422, 'IDEMPOTENCY_KEY_REUSED', { zh: '该 Idempotency-Key 已用于另一个请求', en: 'This Idempotency-Key was used for a different request' }, [
      { field: 'header.idempotency-key', message: { zh: '请为新请求使用新的键', en: 'use a new key for a new request' } },
    ]);
  }
  const body = JSON.parse(stored.response) as unknown;
  const replayed = isProvisional(body) && replayRef ? await replayRef(body, request) : body;
  reply.header('idempotency-replayed', 'true');
  const status = stored.status_code === 201 ? 200 : stored.status_code;
  const type = status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
  await reply.code(status).type(type).send(replayed);
  return true;
}

/** An upload's handler, once it has the file: true when the key's stored response has been sent. */
export function replayStoredUpload(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, content: Buffer): Promise<boolean> {
  if (!request.idempotency) return Promise.resolve(false);
  return replayStored(ctx, request, reply, requestHash(request, createHash('sha256').update(content).digest('hex')));
}

export function installIdempotency(api: FastifyInstance, ctx: AppContext, replayRef: Replayer): void {
  const turns = new KeyTurns();
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
    const release = await turns.take(`${principal}\n${key}`);
    request.idempotency = { key, principal, requestHash: '', release };
    if (request.isMultipart()) return;
    if (await replayStored(ctx, request, reply, requestHash(request, JSON.stringify(request.body ?? null)), replayRef)) return reply;
  });
  // the next request with the key goes on once this one's response is stored — sent or not: a client
  // that gave up waiting has closed its socket, and the response is still stored and its turn ended
  api.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    try {
      if (idem.requestHash === '' || reply.statusCode >= 500 || reply.getHeader('idempotency-replayed')) return payload;
      const body = typeof payload === 'string' ? (JSON.parse(payload) as { code?: unknown } | null) : null;
      if (body !== null) await saveIdempotencyKey(ctx.database.db, idempotencyRow(ctx, idem, request, reply.statusCode, body));
      return payload;
    } finally {
      idem.release();
    }
  });
  api.addHook('onResponse', async (request: FastifyRequest) => request.idempotency?.release());
}

function isProvisional(body: unknown): body is ProvisionalResponse {
  return typeof body === 'object' && body !== null && '$ref' in body;
}
