/**
 * `cityops simulate` against the real server process: a couple of simulated days at high speed
 * create cases through the public API and move them through the loop, without a single 5xx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, type SimReport } from '../../src/server/simulate/simulator.js';
import { createTestDatabase, dialectUnderTest, type TestDatabase } from '../database.js';
import { kill, loginTo, startServerProcess, type ServerProcess } from '../server-process.js';

describe(`cityops simulate (${dialectUnderTest})`, () => {
  let dataDir: string;
  let database: TestDatabase | null = null;
  let server: ServerProcess;
  let report: SimReport;
  const progress: number[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-sim-'));
    const env: Record<string, string> = { CITYOPS_DATA_DIR: dataDir };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url;
    }
    server = await startServerProcess(env);
    // 15 real seconds at 12 000× ≈ 2 simulated days, at a tenth of the town's intake (a shared test machine)
    report = await simulate({ url: server.url, speed: 12_000, durationMs: 15_000, seed: 3, rateScale: 0.1, password: 'cityops-demo', concurrency: 8, onProgress: (p) => progress.push(p.created) });
  }, 120_000);
  afterAll(async () => {
    if (server) await kill(server);
    await database?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates cases and moves them through several statuses with no server error', () => {
    expect(report.serverErrors, JSON.stringify(report)).toBe(0);
    expect(report.networkErrors).toBe(0);
    expect(report.created).toBeGreaterThan(20);
    // the statuses cases went through, not where each stood when the 15 s ran out (that depends on how
    // busy the machine was): registered, dispatched, accepted, handling … closed
    const moved = Object.keys(report.reached).filter((s) => s !== 'reported');
    expect(moved.length, JSON.stringify(report)).toBeGreaterThanOrEqual(5);
    expect(report.reached.reported).toBe(report.created);
    expect(report.byStatus.closed ?? 0).toBeGreaterThan(0);
    expect(report.reached.closed).toBeGreaterThanOrEqual(report.byStatus.closed!);
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(5);
  });

  it('left a record the server shows: the cases, their steps by several people, and a hotline-dominated mix', async () => {
    const cookie = await loginTo(server.url, 'dispatcher');
    const list = (await (await fetch(`${server.url}/api/v1/cases?limit=200&status=closed`, { headers: { cookie } })).json()) as { items: Array<{ id: string; channel: string }> };
    expect(list.items.length).toBe(Math.min(200, report.byStatus.closed ?? 0));
    const detail = (await (await fetch(`${server.url}/api/v1/cases/${list.items[0]!.id}`, { headers: { cookie } })).json()) as { events: Array<{ action: string; actor: { name: string } }> };
    expect(detail.events.map((e) => e.action)).toEqual(expect.arrayContaining(['report', 'register', 'dispatch', 'accept', 'start', 'feedback', 'verify', 'close']));
    expect(new Set(detail.events.map((e) => e.actor.name)).size).toBeGreaterThanOrEqual(2);
    const all = (await (await fetch(`${server.url}/api/v1/cases?limit=200`, { headers: { cookie } })).json()) as { items: Array<{ channel: string }> };
    const hotline = all.items.filter((c) => c.channel === 'hotline_12345').length;
    expect(hotline).toBeGreaterThan(all.items.length * 0.25);
  });

  it("sends camera and sensor alarms through the profile's devices", async () => {
    const cookie = await loginTo(server.url, 'dispatcher');
    const map = (await (await fetch(`${server.url}/api/v1/dashboard/map`, { headers: { cookie } })).json()) as { devices: Array<{ id: string; kind: string }> };
    const kinds = new Map(map.devices.map((d) => [d.id, d.kind]));
    expect(kinds.size).toBeGreaterThan(30);
    const list = (await (await fetch(`${server.url}/api/v1/cases?limit=20&channel=sensor,video_ai,video_patrol`, { headers: { cookie } })).json()) as { items: Array<{ id: string; channel: string }> };
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const detail = (await (await fetch(`${server.url}/api/v1/cases/${item.id}`, { headers: { cookie } })).json()) as { channelData: { cameraId?: string; deviceId?: string } };
      const id = item.channel === 'sensor' ? detail.channelData.deviceId : detail.channelData.cameraId;
      expect(kinds.get(id ?? ''), `${item.channel} ${id}`).toBe(item.channel === 'sensor' ? 'sensor' : 'camera');
    }
  });
});
