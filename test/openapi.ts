/** Checks that routes are documented in the OpenAPI document with a tag and a Chinese + English summary. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDoc = { paths: Record<string, any> };

export async function expectDocumented(app: FastifyInstance, expected: Record<string, string[]>): Promise<OpenApiDoc> {
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc;
  for (const [path, methods] of Object.entries(expected)) {
    for (const method of methods) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.tags.length, `${method} ${path}`).toBeGreaterThan(0);
      expect(op.summary, `${method} ${path}`).toMatch(/\p{Script=Han}.* [A-Z]/u);
    }
  }
  return doc;
}
