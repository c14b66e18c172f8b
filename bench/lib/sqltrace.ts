import Database from 'better-sqlite3';
export const times = new Map<string, [number, number]>();
const origPrepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, src: string) {
  const st = origPrepare.call(this, src);
  for (const m of ['run', 'all', 'get'] as const) {
    const f = (st as any)[m].bind(st);
    (st as any)[m] = (...a: unknown[]) => { const t = performance.now(); try { return f(...a); } finally { const k = src.slice(0, 60); const v = times.get(k) ?? [0, 0]; v[0] += performance.now() - t; v[1]++; times.set(k, v); } };
  }
  return st;
} as any;
process.on('SIGUSR2', () => { for (const [k, [t, n]] of [...times.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 14)) console.error(t.toFixed(0).padStart(6), String(n).padStart(6), k); times.clear(); });
