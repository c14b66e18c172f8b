/** The built console's files: hashed assets are cached for good, index.html is revalidated on every load. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

describe(`web assets (${dialectUnderTest})`, () => {
  let t: TestApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>城运平台</title><script type="module" src="/assets/index-AbC123.js"></script>');
    fs.writeFileSync(path.join(webDir, 'assets/index-AbC123.js'), 'console.log(1)');
    t = await createTestApp({ config: { webDir } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('caches a hashed asset for a year, immutable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html, also when it answers a route of the console', async () => {
    for (const url of ['/', '/cases']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('城运平台');
      expect(res.headers['cache-control'] ?? '', url).not.toContain('immutable');
    }
  });
});
