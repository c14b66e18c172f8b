/**
 * npm run bench:intake — full-pipeline intake (validate, classify, locate, route, duplicates, encrypt,
 * persist, hash-chained event, outbox) against a floor measured in the same run by the same server
 * answering one plain INSERT per request, on SQLite and, when reachable, on PostgreSQL. Floor and
 * intake alternate in rounds so machine noise hits both; the ratio is the figure that matters.
 *
 * Each is loaded at several concurrencies (BENCH_CONCURRENCIES, default 16, 32 and 64 clients) and
 * every one is printed. Capacity — the most cases a second each reached at any of them — is compared
 * too: a group-committed intake answers a client only after its batch's fsync, so at few clients it
 * waits more than it works, while the floor's one INSERT is near its best at 16 already.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad, type LoadResult } from './lib/load.js';
import { allCpuMs, mainThreadCpuMs } from './lib/cpu-use.js';
import { order } from './lib/orders.js';
import { withPostgresDatabase } from './lib/postgres-database.js';
import { spawnBenchServer } from './lib/spawn-bench-server.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 3000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? process.env.BENCH_CONCURRENCY ?? '16,32,64').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function best(results: LoadResult[]): LoadResult {
  return results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
}

type Kind = 'floor' | 'intake';
/** CPU used by the server's main thread, and by all processes (server, database, load generator), in ms */
type CpuUse = Record<'main' | 'all', { floor: number; intake: number; known: boolean }>;

async function measure(label: string, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-'));
  const server = await spawnBenchServer({ CITYOPS_DATA_DIR: dataDir, ...env });
  const headers = { authorization: `Bearer ${server.apiKey}` };
  const runs = new Map(CONCURRENCIES.map((c) => [c, { floors: [] as LoadResult[], intakes: [] as LoadResult[] }]));
  const used = new Map<number, CpuUse>(CONCURRENCIES.map((c) => [c, { main: { floor: 0, intake: 0, known: true }, all: { floor: 0, intake: 0, known: true } }]));
  const readers = { main: mainThreadCpuMs, all: allCpuMs };
  // orders are numbered on across the loads: a load meets the cases of the loads before it only as
  // neighbours, not as the same points and callers sent again (orders.ts)
  let numbered = 0;
  const load = async (kind: Kind, concurrency: number, tag: string, count = COUNT, warmUp = false) => {
    const first = numbered;
    numbered += count;
    const pid = server.child.pid!;
    const cpu = used.get(concurrency)!;
    const before = { main: readers.main(pid), all: readers.all(pid) };
    const route = kind === 'floor' ? '/api/bench-floor' : '/api/v1/cases';
    const result = await runLoad(server.url, route, (i) => order(first + i, tag), { count, concurrency, headers });
    if (warmUp) return result;
    for (const which of ['main', 'all'] as const) {
      const after = readers[which](pid);
      if (before[which] === undefined || after === undefined) cpu[which].known = false;
      else cpu[which][kind] += after - before[which];
    }
    return result;
  };
  try {
    // warm-up: JIT, the classifier, the grid index, connection pools
    await load('floor', CONCURRENCIES[0]!, 'warm-floor', 300, true);
    await load('intake', CONCURRENCIES[0]!, 'warm', 300, true);
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of CONCURRENCIES) {
        runs.get(c)!.floors.push(await load('floor', c, `floor${r}c${c}`));
        runs.get(c)!.intakes.push(await load('intake', c, `run${r}c${c}`));
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const perRequestUs = (ms: number, known: boolean) => (known ? (ms * 1000) / (COUNT * ROUNDS) : null);
  const levels = CONCURRENCIES.map((concurrency) => {
    const { floors, intakes } = runs.get(concurrency)!;
    const cpu = used.get(concurrency)!;
    const floor = best(floors);
    const intake = best(intakes);
    return {
      concurrency,
      floor,
      intake,
      ratio: intake.perSecond / floor.perSecond,
      errors: floors.concat(intakes).reduce((n, x) => n + x.errors, 0),
      mainThreadUsPerRequest: { floor: perRequestUs(cpu.main.floor, cpu.main.known), intake: perRequestUs(cpu.main.intake, cpu.main.known) },
      allCpuUsPerRequest: { floor: perRequestUs(cpu.all.floor, cpu.all.known), intake: perRequestUs(cpu.all.intake, cpu.all.known) },
    };
  });
  // capacity: the most each reached, at whichever concurrency
  const top = (kind: Kind) => levels.reduce((a, b) => (b[kind].perSecond > a[kind].perSecond ? b : a));
  const capacity = { floor: { perSecond: top('floor').floor.perSecond, concurrency: top('floor').concurrency }, intake: { perSecond: top('intake').intake.perSecond, concurrency: top('intake').concurrency } };
  return { label, levels, capacity: { ...capacity, ratio: capacity.intake.perSecond / capacity.floor.perSecond } };
}

const rows = [await measure('SQLite', {})];
const postgresRow = await withPostgresDatabase(PG_URL, 'cityops_bench', (url) => measure('PostgreSQL', { DATABASE_URL: url }));
if (postgresRow) rows.push(postgresRow);

const f = (n: number) => n.toFixed(0).padStart(6);
const us = (n: number | null) => (n === null ? '     –' : f(n));
console.log(`\nintake benchmark: ${COUNT} requests × ${ROUNDS} rounds at each concurrency, best round of each (${os.cpus().length} cores)`);
console.log('database     clients  floor/s  intake/s  ratio  intake p50 ms  p95 ms  p99 ms  errors  CPU µs/request, main thread: floor  intake  all: floor  intake  ratio');
for (const r of rows) {
  for (const l of r.levels) {
    const { floor: allFloor, intake: allIntake } = l.allCpuUsPerRequest;
    const cpuRatio = allFloor !== null && allIntake !== null ? (allFloor / allIntake).toFixed(2) : '   –';
    console.log(
      `${r.label.padEnd(11)} ${String(l.concurrency).padStart(8)} ${f(l.floor.perSecond)}  ${f(l.intake.perSecond)}   ${l.ratio.toFixed(2)}  ${l.intake.p50ms.toFixed(1).padStart(13)}  ${l.intake.p95ms.toFixed(1).padStart(6)}  ${l.intake.p99ms.toFixed(1).padStart(6)}  ${String(l.errors).padStart(6)}  ${us(l.mainThreadUsPerRequest.floor).padStart(34)}  ${us(l.mainThreadUsPerRequest.intake)}  ${us(allFloor).padStart(10)}  ${us(allIntake)}   ${cpuRatio}`,
    );
  }
}
console.log('all: the server process (every thread), PostgreSQL\'s processes and the load generator; ratio: floor ÷ intake, the throughput ratio a saturated machine would give');
console.log('\ncapacity (the most a second at any concurrency):');
for (const { label, capacity: c } of rows) {
  console.log(`${label.padEnd(11)} floor ${f(c.floor.perSecond)}/s (${c.floor.concurrency} clients)  intake ${f(c.intake.perSecond)}/s (${c.intake.concurrency} clients)  ratio ${c.ratio.toFixed(2)}`);
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/intake.json', JSON.stringify({ at: new Date().toISOString(), count: COUNT, rounds: ROUNDS, concurrencies: CONCURRENCIES, rows }, null, 2));
if (rows.some((r) => r.levels.some((l) => l.errors > 0))) process.exitCode = 1;
