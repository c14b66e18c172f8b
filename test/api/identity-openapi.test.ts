/** Every identity route appears in the OpenAPI document with a tag and a bilingual summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.js';
import { expectDocumented } from '../openapi.js';

describe('identity routes in OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ users: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents each route with tags, a Chinese + English summary, and its body schema', async () => {
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
    const doc = await expectDocumented(t.app, expected);
    const login = doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['username', 'password']);
    expect(login.additionalProperties).toBe(false);
  });
});
