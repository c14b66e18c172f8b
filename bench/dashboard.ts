/**
 * npm run bench:dashboard — the one screen's snapshot (GET /api/v1/dashboard, read from counters)
 * against the naive way measured in the same run by the same server (GROUP BY over all cases per
 * request), at growing numbers of seeded historical cases (realistic: `cityops seed`'s generator),
 * on SQLite and, when reachable, PostgreSQL. Also prints the server's RSS.
 * BENCH_CASES="100000,1000000" sets the SQLite sizes (default 100000; 0 skips SQLite); BENCH_PG_CASES the PostgreSQL size
 * (default 100000, 0 to skip). Targets (issue #5): p95 ≤ 50 ms and ≤ 0.1 × naive; RSS ≤ 300 MB.
 * The 10 M town: BENCH_EARLIER_YEARS=9 copies the seeded year nine years back as closed history
 * (lib/earlier-years.ts) and rebuilds the counters before measuring. BENCH_SEEDED_DIR keeps the
 * SQLite directory (one size): seeded and grown on the first run, reused as it is by the next.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addEarlierYears } from './lib/earlier-years.js';
import { percentile } from './lib/load.js';
import { withPostgresDatabase } from './lib/postgres-database.js';
import { countCases, rssMb, seedCases, timeGets } from './lib/seeded-history.js';
import { spawnBenchServer } from './lib/spawn-bench-server.js';

const SIZES = (process.env.BENCH_CASES ?? '100000').split(',').map(Number).filter((n) => n > 0);
const PG_CASES = Number(process.env.BENCH_PG_CASES ?? 100000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const EARLIER_YEARS = Number(process.env.BENCH_EARLIER_YEARS ?? 0);
// the naive way over 10 M cases takes minutes a request: BENCH_NAIVE_REQUESTS=1 times one, without a warm-up
const NAIVE_REQUESTS = Number(process.env.BENCH_NAIVE_REQUESTS ?? Math.max(5, Math.round(REQUESTS / 6)));
const SEEDED_DIR = process.env.BENCH_SEEDED_DIR;
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const seed = (env: Record<string, string>, cases: number) => {
  const to = new Date();
  return seedCases(env, cases, new Date(to.getTime() - 365 * 86_400_000), to);
};

interface Row {
  label: string;
  cases: number;
  /** null when a kept directory was reused */
  seedSeconds: number | null;
  /** the earlier years' copy and the counters' rebuild, when the seeded year was grown */
  grown: { years: number; copySeconds: number; rebuildSeconds: number } | null;
  snapshot: { p50: number; p95: number };
  naive: { p50: number; p95: number };
  rssMb: number;
}

async function measure(label: string, cases: number, env: Record<string, string>, reuse = false): Promise<Row> {
  let seedSeconds: number | null = null;
  let grown: Row['grown'] = null;
  if (reuse) console.log(`${label}: reusing ${env.CITYOPS_DATA_DIR}`);
  else {
    console.log(`${label}: seeding ${cases.toLocaleString('en-US')} cases…`);
    seedSeconds = await seed(env, cases);
  }
  if (EARLIER_YEARS > 0 && label === 'SQLite') {
    console.log(`${label}: growing the seeded year by ${EARLIER_YEARS} earlier years of closed history (unless grown before), then rebuilding the counters…`);
    const r = await addEarlierYears(env, EARLIER_YEARS);
    if (r) grown = { years: EARLIER_YEARS, copySeconds: r.copySeconds, rebuildSeconds: r.rebuildSeconds };
  }
  if (reuse || grown) cases = await countCases(env);
  const server = await spawnBenchServer(env);
  try {
    const base = `${server.url}/api`;
    await timeGets(`${base}/v1/dashboard`, server.apiKey, 5);
    if (NAIVE_REQUESTS >= 3) await timeGets(`${base}/bench-naive-dashboard`, server.apiKey, 2);
    // alternate so machine noise hits both
    const snap: number[] = [];
    const naive: number[] = [];
    for (let r = 0; r < 3; r++) {
      snap.push(...(await timeGets(`${base}/v1/dashboard`, server.apiKey, REQUESTS / 3)));
      naive.push(...(await timeGets(`${base}/bench-naive-dashboard`, server.apiKey, Math.floor(NAIVE_REQUESTS / 3) + (r < NAIVE_REQUESTS % 3 ? 1 : 0))));
    }
    snap.sort((a, b) => a - b);
    naive.sort((a, b) => a - b);
    return { label, cases, seedSeconds, grown, snapshot: { p50: percentile(snap, 50), p95: percentile(snap, 95) }, naive: { p50: percentile(naive, 50), p95: percentile(naive, 95) }, rssMb: rssMb(server.child.pid!) };
  } finally {
    await server.stop();
  }
}

const rows: Row[] = [];
if (SEEDED_DIR) {
  const reuse = fs.existsSync(path.join(SEEDED_DIR, 'cityops.db'));
  fs.mkdirSync(SEEDED_DIR, { recursive: true });
  rows.push(await measure('SQLite', SIZES[0]!, { CITYOPS_DATA_DIR: SEEDED_DIR }, reuse));
} else for (const n of SIZES) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-dash-'));
  try {
    rows.push(await measure('SQLite', n, { CITYOPS_DATA_DIR: dataDir }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (PG_CASES > 0) {
  const row = await withPostgresDatabase(PG_URL, 'cityops_bench_dash', async (url) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-dash-'));
    try {
      return await measure('PostgreSQL', PG_CASES, { CITYOPS_DATA_DIR: dataDir, DATABASE_URL: url });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  if (row) rows.push(row);
}

const ms = (n: number) => n.toFixed(1).padStart(7);
console.log(`\ndashboard benchmark: GET /api/v1/dashboard (counters) vs the same figures by GROUP BY per request (${os.cpus().length} cores)`);
console.log('database      cases    seed s  snapshot p50  p95 ms   naive p50  p95 ms  p95 ratio  RSS MB');
for (const r of rows) {
  console.log(`${r.label.padEnd(11)} ${String(r.cases).padStart(8)}  ${(r.seedSeconds === null ? 'reused' : r.seedSeconds.toFixed(0)).padStart(6)}  ${ms(r.snapshot.p50)}  ${ms(r.snapshot.p95)}  ${ms(r.naive.p50)}  ${ms(r.naive.p95)}  ${(r.snapshot.p95 / r.naive.p95).toFixed(3).padStart(9)}  ${r.rssMb.toFixed(0).padStart(6)}`);
}
for (const r of rows.filter((x) => x.grown)) console.log(`${r.label}: ${r.grown!.years} earlier years copied in ${r.grown!.copySeconds.toFixed(0)} s, counters rebuilt from ${r.cases.toLocaleString('en-US')} cases in ${r.grown!.rebuildSeconds.toFixed(0)} s`);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/dashboard.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
