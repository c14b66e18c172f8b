/**
 * npm run bench:intake — full-pipeline intake (validate, classify, locate, route, duplicates, encrypt,
 * persist, hash-chained event, outbox) against a floor measured in the same run by the same server
 * answering one plain INSERT per request, on SQLite and, when reachable, on PostgreSQL. Floor and
 * intake alternate in rounds so machine noise hits both; the ratio is the figure that matters.
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
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function best(results: LoadResult[]): LoadResult {
  return results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
}

async function measure(label: string, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-'));
  const server = await spawnBenchServer({ CITYOPS_DATA_DIR: dataDir, ...env });
  const headers = { authorization: `Bearer ${server.apiKey}` };
  const floors: LoadResult[] = [];
  const intakes: LoadResult[] = [];
  // CPU used by the server's main thread, and by all processes (server, database, load generator), summed over the rounds
  const readers = { main: mainThreadCpuMs, all: allCpuMs };
  const used = { main: { floor: 0, intake: 0, known: true }, all: { floor: 0, intake: 0, known: true } };
  const timed = async (kind: 'floor' | 'intake', load: () => Promise<LoadResult>) => {
    const pid = server.child.pid!;
    const before = { main: readers.main(pid), all: readers.all(pid) };
    const result = await load();
    for (const which of ['main', 'all'] as const) {
      const after = readers[which](pid);
      if (before[which] === undefined || after === undefined) used[which].known = false;
      else used[which][kind] += after - before[which];
    }
    return result;
  };
  try {
    // warm-up: JIT, the classifier, the grid index, connection pools
    await runLoad(server.url, '/api/bench-floor', (i) => order(i, 'warm-floor'), { count: 300, concurrency: CONCURRENCY, headers });
    await runLoad(server.url, '/api/v1/cases', (i) => order(i, 'warm'), { count: 300, concurrency: CONCURRENCY, headers });
    for (let r = 0; r < ROUNDS; r++) {
      floors.push(await timed('floor', () => runLoad(server.url, '/api/bench-floor', (i) => order(i, `floor${r}`), { count: COUNT, concurrency: CONCURRENCY, headers })));
      intakes.push(await timed('intake', () => runLoad(server.url, '/api/v1/cases', (i) => order(i, `run${r}`), { count: COUNT, concurrency: CONCURRENCY, headers })));
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const floor = best(floors);
  const intake = best(intakes);
  const errors = floors.concat(intakes).reduce((n, x) => n + x.errors, 0);
  const perRequestUs = (ms: number, known: boolean) => (known ? (ms * 1000) / (COUNT * ROUNDS) : null);
  return {
    label,
    floor,
    intake,
    ratio: intake.perSecond / floor.perSecond,
    errors,
    mainThreadUsPerRequest: { floor: perRequestUs(used.main.floor, used.main.known), intake: perRequestUs(used.main.intake, used.main.known) },
    allCpuUsPerRequest: { floor: perRequestUs(used.all.floor, used.all.known), intake: perRequestUs(used.all.intake, used.all.known) },
  };
}

const rows = [await measure('SQLite', {})];
const postgresRow = await withPostgresDatabase(PG_URL, 'cityops_bench', (url) => measure('PostgreSQL', { DATABASE_URL: url }));
if (postgresRow) rows.push(postgresRow);

const f = (n: number) => n.toFixed(0).padStart(6);
console.log(`\nintake benchmark: ${COUNT} requests × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, best round of each (${os.cpus().length} cores)`);
console.log('database     floor/s  intake/s  ratio  intake p50 ms  p95 ms  p99 ms  errors  CPU µs/request, main thread: floor  intake  all: floor  intake  ratio');
for (const r of rows) {
  const us = (n: number | null) => (n === null ? '     –' : f(n));
  const { floor: allFloor, intake: allIntake } = r.allCpuUsPerRequest;
  const cpuRatio = allFloor !== null && allIntake !== null ? (allFloor / allIntake).toFixed(2) : '   –';
  console.log(
    `${r.label.padEnd(11)} ${f(r.floor.perSecond)}  ${f(r.intake.perSecond)}   ${r.ratio.toFixed(2)}  ${r.intake.p50ms.toFixed(1).padStart(13)}  ${r.intake.p95ms.toFixed(1).padStart(6)}  ${r.intake.p99ms.toFixed(1).padStart(6)}  ${String(r.errors).padStart(6)}  ${us(r.mainThreadUsPerRequest.floor).padStart(34)}  ${us(r.mainThreadUsPerRequest.intake)}  ${us(allFloor).padStart(10)}  ${us(allIntake)}   ${cpuRatio}`,
  );
}
console.log('all: the server process (every thread), PostgreSQL\'s processes and the load generator; ratio: floor ÷ intake, the throughput ratio a saturated machine would give');
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/intake.json', JSON.stringify({ at: new Date().toISOString(), count: COUNT, concurrency: CONCURRENCY, rows }, null, 2));
if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
