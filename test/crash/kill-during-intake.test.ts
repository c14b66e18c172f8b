/**
 * Nothing acknowledged is lost, and a resend makes no duplicate: the real server process is killed
 * with SIGKILL in the middle of a burst of intake; after a restart every acknowledged case is there,
 * exactly once, and resending the whole burst (acknowledged or not) creates no second case.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../database.js';
import { kill, loginTo, startServerProcess, type ServerProcess } from '../server-process.js';

const BURST = 400;
const CONCURRENCY = 16;

describe('SIGKILL during a burst of intake', () => {
  let dataDir: string;
  let database: TestDatabase | null = null;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-crash-'));
    env = { CITYOPS_DATA_DIR: dataDir };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => {
    if (server) await kill(server);
    await database?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const order = (i: number) => ({
    channel: 'hotline_12345',
    externalId: `burst-${i}`,
    description: `东平镇北沿公路第${i}号路灯不亮，晚上很黑`,
    location: { lng: 121.47 + (i % 20) * 0.0005, lat: 31.68 },
    reporter: { phone: `139${String(10000000 + i).slice(-8)}` },
  });

  async function send(url: string, cookie: string, i: number): Promise<{ ok: boolean; id?: string; status?: number }> {
    try {
      const res = await fetch(`${url}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(order(i)) });
      if (res.status !== 201 && res.status !== 200) return { ok: false, status: res.status };
      return { ok: true, id: ((await res.json()) as { id: string }).id, status: res.status };
    } catch {
      return { ok: false };
    }
  }

  it('loses no acknowledged case and duplicates none on resend', async () => {
    server = await startServerProcess(env);
    const cookie = await loginTo(server.url, 'dispatcher');
    const acknowledged = new Map<number, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < BURST) {
        const i = next++;
        const r = await send(server!.url, cookie, i);
        if (r.ok && r.id) acknowledged.set(i, r.id);
        // kill the process once a good part of the burst is acknowledged, with requests in flight
        if (!killed && acknowledged.size >= BURST / 3) {
          killed = true;
          server!.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);
    await kill(server);
    expect(acknowledged.size).toBeGreaterThanOrEqual(BURST / 3);
    expect(acknowledged.size).toBeLessThan(BURST);

    server = await startServerProcess(env);
    const cookie2 = await loginTo(server.url, 'dispatcher');
    // every acknowledged case survived, under the same id
    for (const [i, id] of acknowledged) {
      const res = await fetch(`${server.url}/api/v1/cases/${id}`, { headers: { cookie: cookie2 } });
      expect(res.status, `case ${i}`).toBe(200);
      expect(((await res.json()) as { externalId: string }).externalId).toBe(`burst-${i}`);
    }
    // resend everything: acknowledged ones come back as the same case (200), the rest are created once
    for (let i = 0; i < BURST; i++) {
      const r = await send(server.url, cookie2, i);
      expect(r.ok, `resend ${i}`).toBe(true);
      if (acknowledged.has(i)) {
        expect(r.status).toBe(200);
        expect(r.id).toBe(acknowledged.get(i));
      }
    }
    let total = 0;
    let cursor: string | null = null;
    const seen = new Set<string>();
    do {
      const res = await fetch(`${server.url}/api/v1/cases?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: cookie2 } });
      const page = (await res.json()) as { items: Array<{ externalId: string }>; nextCursor: string | null };
      for (const c of page.items) seen.add(c.externalId);
      total += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(total).toBe(BURST);
    expect(seen.size).toBe(BURST);
  }, 180_000);
});
