/** `cityops seed`: a year of realistic history, written straight into the database (see seed/seed-history.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { loadOrCreateMasterKey } from '../crypto/field-key.js';
import { openDatabase } from '../db/database.js';
import { findOnlyTown } from '../db/repositories/town-repository.js';
import { defaultRange, SeedError, seedHistory } from '../seed/seed-history.js';
import { bar, formatDuration, ProgressLine } from './progress-line.js';

/** '2025-11-25' is local midnight in Shanghai; a full ISO instant is taken as written. */
export function parseInstantOption(value: string, name: string): Date {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new SeedError(`${name} must be a date (2025-11-25) or an ISO instant, got "${value}"`);
  return date;
}

function positiveInt(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new SeedError(`${name} must be an integer between 1 and ${max}, got "${value}"`);
  return n;
}

function sizeOf(file: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('写入历史案件 write N historical cases of realistic shape (channels, categories, grids, outcomes, a year of dates) with their hash-chained events')
    .requiredOption('--cases <n>', '案件数 number of cases')
    .option('--from <date>', '起始日期 first day (default: a year before --to)')
    .option('--to <date>', '截止时间 end of history (default: now)')
    .option('--seed <n>', '随机种子 random seed (same seed, same history)', '42')
    .option('--batch <n>', '每批案件数 cases per transaction', '5000')
    .action(async (opts: { cases: string; from?: string; to?: string; seed: string; batch: string }) => {
      const config = loadConfig();
      let database: ReturnType<typeof openDatabase> | null = null;
      try {
        const cases = positiveInt(opts.cases, '--cases', 100_000_000);
        const seed = Number(opts.seed);
        if (!Number.isInteger(seed)) throw new SeedError(`--seed must be an integer, got "${opts.seed}"`);
        const batch = positiveInt(opts.batch, '--batch', 100_000);
        const now = new Date();
        const to = opts.to ? parseInstantOption(opts.to, '--to') : now;
        if (to.getTime() > now.getTime() + 60_000) throw new SeedError('--to is in the future: history ends now at the latest');
        const from = opts.from ? parseInstantOption(opts.from, '--from') : defaultRange(to).from;
        database = openDatabase(config);
        const town = await findOnlyTown(database.db).catch(() => undefined);
        if (!town) throw new SeedError('数据库中没有镇配置 no town loaded: run `cityops profile load profiles/dongping` first');
        const cipher = new FieldCipher(loadOrCreateMasterKey(config.dataDir).key);
        const progress = new ProgressLine();
        const started = performance.now();
        const report = await seedHistory(database, town.id, cipher, {
          cases,
          from,
          to,
          seed,
          batch,
          onProgress: ({ cases: done, events }) => {
            const s = (performance.now() - started) / 1000;
            const rate = done / s;
            progress.update(`${bar(done / cases)} ${done}/${cases} 案件 cases, ${events} 事件 events, ${Math.round(rate)}/s, ETA ${formatDuration(((cases - done) / rate) * 1000)}`);
          },
        });
        const seconds = report.ms / 1000;
        const size = database.dialect === 'sqlite' ? `, ${(sizeOf(path.join(config.dataDir, 'cityops.db')) / 1e6).toFixed(0)} MB` : '';
        progress.finish(
          `已写入 seeded ${report.cases} 案件 cases and ${report.events} 事件 events (seq ${report.firstSeq}–${report.lastSeq}) in ${seconds.toFixed(1)} s: ` +
            `${Math.round(report.cases / seconds)} cases/s, ${Math.round(report.events / seconds)} events/s${size}`,
        );
        console.log(JSON.stringify({ cases: report.cases, events: report.events, byStatus: report.byStatus, byChannel: report.byChannel }));
      } catch (error) {
        if (!(error instanceof SeedError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      } finally {
        await database?.close();
      }
    });
}
