/**
 * A NUL character (U+0000) anywhere in a request's text is refused before validation: PostgreSQL
 * cannot store it in a text column (the write would fail deep inside a command, a 500) while SQLite
 * would keep it silently, so both dialects answer the same 400 naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from './problem.js';

const MAX_DEPTH = 64;

/** The dotted path of the first string holding U+0000 in a parsed body, query or params; null if none. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const hit = findNul(child, `${path}.${key}`, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

export function installNulGuard(api: FastifyInstance): void {
  api.addHook('preValidation', async (request: FastifyRequest) => {
    const field = findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, 'body');
    if (field === null) return;
    throw new Problem(400, 'VALIDATION_FAILED', { zh: '请求内容不符合要求', en: 'The request is not valid' }, [
      { field, message: { zh: '不能包含空字符 (U+0000)', en: 'must not contain a NUL character (U+0000)' } },
    ]);
  });
}
