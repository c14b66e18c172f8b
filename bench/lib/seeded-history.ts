/** What the benchmarks on seeded history share: seeding N cases through `cityops seed`'s generator, timed GETs, a process's RSS. */
import fs from 'node:fs';
import http from 'node:http';
import { systemClock } from '../../src/domain/clock.js';
import { loadConfig } from '../../src/server/config.js';
import { createContext } from '../../src/server/main.js';
import { seedHistory } from '../../src/server/seed/seed-history.js';

/** The app's context on the database `env` points at, as the benchmarks open it (quiet, test mode). */
export function openBenchContext(env: Record<string, string>) {
  return createContext({ ...loadConfig({ ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' }, systemClock);
}

/** Seeds `cases` historical cases over [from, to] into the database `env` points at; returns the seconds it took. */
export async function seedCases(env: Record<string, string>, cases: number, from: Date, to: Date): Promise<number> {
  const { ctx, database } = await openBenchContext(env);
  const started = performance.now();
  let last = 0;
  await seedHistory(database, ctx.townId, ctx.cipher, {
    cases,
    from,
    to,
    seed: 42,
    batch: 5000,
    onProgress: ({ cases: n }) => {
      if (process.stderr.isTTY && n - last >= 20_000) {
        last = n;
        process.stderr.write(`\r  seeding ${n.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')}`);
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  await database.close();
  return (performance.now() - started) / 1000;
}

/** How many cases the database `env` points at holds. */
export async function countCases(env: Record<string, string>): Promise<number> {
  const { database } = await openBenchContext(env);
  try {
    const { n } = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  } finally {
    await database.close();
  }
}

/** One GET with the API key, with no time limit (a naive answer over 10 M cases takes minutes); the body's text. */
function get(url: string, apiKey: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${apiKey}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: ${res.statusCode} ${body.slice(0, 300)}`))));
    });
    req.on('error', reject);
  });
}

/** `count` sequential GETs with the API key; the times in ms, sorted. */
export async function timeGets(url: string, apiKey: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await get(url, apiKey);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}
