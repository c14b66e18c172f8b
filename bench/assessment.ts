/**
 * npm run bench:assessment — the year's assessment over seeded history (realistic: `cityops seed`'s
 * generator, from 1 January to today): GET /assessment/annual (every unit scored, ranked, with the
 * 约谈 and 责任追究 lists) and a unit's scorecard (GET /assessment/indicators?key=… for the year),
 * each against a baseline measured in the same run by the same server: the same answer with the
 * sums counted from the facts table per request instead of read from the day counters. Also the full recount
 * (`cityops assessment rebuild`) and the server's RSS.
 * BENCH_CASES (default 100000) sets the size; BENCH_PG_CASES (default 0) runs PostgreSQL too.
 * BENCH_SEEDED_DIR keeps the SQLite data directory: seeded on the first run, reused as it is by the
 * next (a million cases take a quarter of an hour to seed); the recount and the timings always run.
 * Targets (issue #6): a year of 1 M cases assessed in ≤ 5 s, a scorecard in ≤ 200 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rebuildAssessment } from '../src/server/assessment/recount-assessment.js';
import { percentile } from './lib/load.js';
import { withPostgresDatabase } from './lib/postgres-database.js';
import { openBenchContext, rssMb, seedCases, timeGets } from './lib/seeded-history.js';
import { spawnBenchServer } from './lib/spawn-bench-server.js';

const CASES = Number(process.env.BENCH_CASES ?? 100000);
const PG_CASES = Number(process.env.BENCH_PG_CASES ?? 0);
const SEEDED_DIR = process.env.BENCH_SEEDED_DIR;
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const now = new Date();
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
const yearStart = new Date(`${year}-01-01T00:00:00+08:00`);

interface Timing {
  p50: number;
  p95: number;
}
interface Row {
  label: string;
  cases: number;
  /** null when the seeded data directory was reused */
  seedSeconds: number | null;
  annual: Timing;
  annualNaive: Timing;
  scorecard: Timing;
  scorecardNaive: Timing;
  unit: string;
  rebuildSeconds: number;
  rssMb: number;
}

const timing = (times: number[]): Timing => ({ p50: percentile(times, 50), p95: percentile(times, 95) });

/** Alternates the two ways, three rounds, so machine noise hits both. */
async function compare(fast: string, naive: string, apiKey: string, perRound: number): Promise<[Timing, Timing]> {
  const a: number[] = [];
  const b: number[] = [];
  await timeGets(fast, apiKey, 2);
  await timeGets(naive, apiKey, 1);
  for (let r = 0; r < 3; r++) {
    a.push(...(await timeGets(fast, apiKey, perRound)));
    b.push(...(await timeGets(naive, apiKey, perRound)));
  }
  return [timing(a.sort((x, y) => x - y)), timing(b.sort((x, y) => x - y))];
}

/** The full recount's seconds, and how many cases the record holds. */
async function rebuild(env: Record<string, string>): Promise<{ seconds: number; cases: number }> {
  const { ctx, database } = await openBenchContext(env);
  const { n } = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const started = performance.now();
  await rebuildAssessment(database, ctx.townId, new Date().toISOString());
  await database.close();
  return { seconds: (performance.now() - started) / 1000, cases: Number(n) };
}

async function measure(label: string, cases: number, env: Record<string, string>, reuse = false): Promise<Row> {
  let seedSeconds: number | null = null;
  if (reuse) console.log(`${label}: reusing the seeded ${env.CITYOPS_DATA_DIR}`);
  else {
    console.log(`${label}: seeding ${cases.toLocaleString('en-US')} cases from ${year}-01-01 to today…`);
    seedSeconds = await seedCases(env, cases, yearStart, now);
  }
  // the recount runs in this process before the server starts, so both use the code of this run
  console.log(`${label}: recounting the whole record (cityops assessment rebuild)…`);
  const recount = await rebuild(env);
  const server = await spawnBenchServer(env);
  try {
    const api = `${server.url}/api`;
    // the scorecard of the unit with the most cases
    const all = (await (await fetch(`${api}/v1/assessment/indicators?subject=unit&period=${year}`, { headers: { authorization: `Bearer ${server.apiKey}` } })).json()) as { items: Array<{ key: string; indicators: { dispatched: number } }> };
    const unit = all.items.sort((x, y) => y.indicators.dispatched - x.indicators.dispatched)[0]!.key;
    const [annual, annualNaive] = await compare(`${api}/v1/assessment/annual?year=${year}`, `${api}/bench-naive-annual?year=${year}`, server.apiKey, 3);
    const [scorecard, scorecardNaive] = await compare(`${api}/v1/assessment/indicators?subject=unit&key=${unit}&period=${year}`, `${api}/bench-naive-scorecard?period=${year}&key=${unit}`, server.apiKey, 10);
    return { label, cases: recount.cases, seedSeconds, annual, annualNaive, scorecard, scorecardNaive, unit, rebuildSeconds: recount.seconds, rssMb: rssMb(server.child.pid!) };
  } finally {
    await server.stop();
  }
}

const rows: Row[] = [];
if (SEEDED_DIR) {
  const reuse = fs.existsSync(path.join(SEEDED_DIR, 'cityops.db'));
  fs.mkdirSync(SEEDED_DIR, { recursive: true });
  rows.push(await measure('SQLite', CASES, { CITYOPS_DATA_DIR: SEEDED_DIR }, reuse));
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-assess-'));
  try {
    rows.push(await measure('SQLite', CASES, { CITYOPS_DATA_DIR: dataDir }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (PG_CASES > 0) {
  const row = await withPostgresDatabase(PG_URL, 'cityops_bench_assess', async (url) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-assess-'));
    try {
      return await measure('PostgreSQL', PG_CASES, { CITYOPS_DATA_DIR: dataDir, DATABASE_URL: url });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  if (row) rows.push(row);
}

const ms = (n: number) => n.toFixed(1).padStart(8);
console.log(`\nassessment benchmark, year ${year} (${os.cpus().length} cores): counters vs the same sums counted from the facts per request`);
console.log('database      cases  seed s | annual p50  p95 ms | naive p50  p95 ms | ratio | scorecard p50  p95 ms | naive p50  p95 ms | ratio | rebuild s  RSS MB');
for (const r of rows) {
  console.log(
    `${r.label.padEnd(10)} ${String(r.cases).padStart(8)} ${(r.seedSeconds === null ? 'reused' : r.seedSeconds.toFixed(0)).padStart(7)} | ${ms(r.annual.p50)} ${ms(r.annual.p95)} | ${ms(r.annualNaive.p50)} ${ms(r.annualNaive.p95)} | ${(r.annual.p95 / r.annualNaive.p95).toFixed(3)} |    ${ms(r.scorecard.p50)} ${ms(r.scorecard.p95)} | ${ms(r.scorecardNaive.p50)} ${ms(r.scorecardNaive.p95)} | ${(r.scorecard.p95 / r.scorecardNaive.p95).toFixed(3)} | ${r.rebuildSeconds.toFixed(1).padStart(9)} ${r.rssMb.toFixed(0).padStart(7)}`,
  );
}
console.log(`targets: annual p95 ≤ 5000 ms, scorecard p95 ≤ 200 ms (scorecard unit: ${rows[0]?.unit})`);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/assessment.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
