/**
 * The built web app as the server serves it: the PWA's service worker and manifest with their own
 * content types (never the SPA's index.html), an app route such as /m answered with index.html,
 * and the API never falling back to the page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

describe(`web app files for the inspector PWA (${dialectUnderTest})`, () => {
  let t: TestApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-web-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>城运平台</title><div id="app"></div>');
    fs.writeFileSync(path.join(webDir, 'sw.js'), "const VERSION = 'x';\nself.addEventListener('fetch', () => {});\n");
    fs.writeFileSync(path.join(webDir, 'manifest.webmanifest'), JSON.stringify({ name: '城运巡查', start_url: '/m' }));
    t = await createTestApp({ config: { webDir } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, accept = 'text/html,*/*') => t.app.inject({ method: 'GET', url, headers: { accept } });

  it('serves /sw.js as JavaScript, revalidated on every load, even to a client that accepts HTML', async () => {
    for (const accept of ['*/*', 'text/html,*/*']) {
      const res = await get('/sw.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain("addEventListener('fetch'");
    }
  });

  it('serves the manifest as application/manifest+json', async () => {
    const res = await get('/manifest.webmanifest', 'application/manifest+json,*/*');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/manifest+json');
    expect(res.json()).toMatchObject({ name: '城运巡查', start_url: '/m' });
  });

  it('answers the app routes /m and /m/tasks with index.html, a missing script with 404, and the API with problems', async () => {
    for (const url of ['/m', '/m/tasks']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="app">');
    }
    expect((await get('/missing-worker.js', '*/*')).statusCode).toBe(404);
    const api = await get('/api/v1/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
