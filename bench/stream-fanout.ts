/**
 * npm run bench:stream — how long a committed case event takes to reach every connected SSE client
 * (GET /api/v1/stream). Measured from the moment the intake is sent to the moment each client has
 * read the event, for 1 client (the baseline, same run) and for many (default 1 000), on SQLite.
 * Prints p50/p95/p99 and the ratio to the baseline; target p99 ≤ 250 ms at 1 000 clients (issue #5).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './lib/load.js';
import { order } from './lib/orders.js';
import { spawnBenchServer, type BenchServer } from './lib/spawn-bench-server.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 40);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 150);
const TARGET_P99_MS = 250;

interface Client {
  req: http.ClientRequest;
  ready: Promise<void>;
}

/** Opens one SSE connection; calls onEvent(caseId) for every `event: case` it reads. */
function connect(server: BenchServer, agent: http.Agent, onEvent: (caseId: string) => void): Client {
  const { hostname, port } = new URL(server.url);
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const req = http.get({ hostname, port, path: '/api/v1/stream', agent, headers: { authorization: `Bearer ${server.apiKey}`, accept: 'text/event-stream' } }, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message.includes(': connected')) resolveReady();
        const data = /^data: (.*)$/m.exec(message);
        if (data && message.includes('event: case')) onEvent((JSON.parse(data[1]!) as { caseId: string }).caseId);
      }
    });
  });
  req.on('error', () => undefined);
  return { req, ready };
}

function post(server: BenchServer, body: unknown): Promise<string> {
  return fetch(`${server.url}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` }, body: JSON.stringify(body) })
    .then(async (r) => {
      if (r.status !== 201) throw new Error(`intake answered ${r.status}: ${await r.text()}`);
      return ((await r.json()) as { id: string }).id;
    });
}

async function measure(server: BenchServer, clients: number, run: string): Promise<{ p50: number; p95: number; p99: number; max: number; missing: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients + 10 });
  const sentAt = new Map<string, number>();
  const early = new Map<string, number[]>();
  const latencies: number[] = [];
  const onEvent = (caseId: string) => {
    const now = performance.now();
    const t0 = sentAt.get(caseId);
    if (t0 === undefined) (early.get(caseId) ?? early.set(caseId, []).get(caseId)!).push(now);
    else latencies.push(now - t0);
  };
  const conns: Client[] = [];
  for (let i = 0; i < clients; i++) conns.push(connect(server, agent, onEvent));
  await Promise.all(conns.map((c) => c.ready));
  for (let i = 0; i < EVENTS; i++) {
    const started = performance.now();
    const id = await post(server, order(i, run));
    sentAt.set(id, started);
    for (const at of early.get(id) ?? []) latencies.push(at - started);
    early.delete(id);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  await new Promise((r) => setTimeout(r, 1000));
  for (const c of conns) c.req.destroy();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0, missing: clients * EVENTS - latencies.length };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-stream-'));
const server = await spawnBenchServer({ CITYOPS_DATA_DIR: dataDir });
try {
  const run = `stream-${Date.now()}`;
  await measure(server, 10, `${run}-warm`);
  const base = await measure(server, 1, `${run}-one`);
  const many = await measure(server, CLIENTS, `${run}-many`);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`SSE fan-out, SQLite, ${EVENTS} intakes ${GAP_MS} ms apart, from sending the intake to each client reading the event:`);
  console.log(`  1 client (baseline):  p50 ${f(base.p50)}  p95 ${f(base.p95)}  p99 ${f(base.p99)}  max ${f(base.max)}`);
  console.log(`  ${CLIENTS} clients:        p50 ${f(many.p50)}  p95 ${f(many.p95)}  p99 ${f(many.p99)}  max ${f(many.max)}  missing ${many.missing}`);
  console.log(`  ratio p99 ${CLIENTS}/1: ${(many.p99 / Math.max(base.p99, 0.001)).toFixed(1)}×; target p99 ≤ ${TARGET_P99_MS} ms: ${many.p99 <= TARGET_P99_MS && many.missing === 0 ? 'met' : 'NOT met'}`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
