/** Every identity route appears in the OpenAPI document with a tag and a bilingual summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.js';

describe('identity routes in OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ users: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents each route with tags, a Chinese + English summary, and its body schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const expected: Record<string, string[]> = {
      '/api/v1/session': ['post', 'get', 'delete'],
      '/api/v1/users': ['get', 'post'],
      '/api/v1/users/{id}': ['patch'],
      '/api/v1/api-keys': ['get', 'post'],
      '/api/v1/api-keys/{id}': ['delete'],
      '/api/v1/audit': ['get'],
      '/api/v1/personnel': ['get'],
      '/api/v1/personnel/{code}': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const op = doc.paths[path]?.[method];
        expect(op, `${method} ${path}`).toBeDefined();
        expect(op.tags.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(op.summary, `${method} ${path}`).toMatch(/\p{Script=Han}.* [A-Z]/u);
      }
    }
    const login = doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['username', 'password']);
    expect(login.additionalProperties).toBe(false);
  });
});
