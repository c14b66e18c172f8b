/**
 * Composition root: config → database (migrated) → town profile → accounts → app → listen.
 * `npm start` runs this from dist/; `cityops serve` too.
 */
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { systemClock, type Clock } from '../domain/clock.js';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareAccounts } from './commands/prepare-accounts.js';
import { ensureTownLoaded } from './commands/ensure-town-loaded.js';
import { ensureDashboardBuilt } from './dashboard/rebuild-dashboard.js';
import { ensureAssessmentBuilt } from './assessment/recount-assessment.js';
import { createAppContext } from './create-context.js';
import { startJobs } from './jobs/scheduler.js';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

export async function createContext(config: Config, clock: Clock = systemClock): Promise<{ ctx: AppContext; database: Database }> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    const townId = await ensureTownLoaded(database, config, clock);
    const ctx = createAppContext(database, config, clock, townId);
    await prepareAccounts(ctx);
    // counters never built (or built by an older definition): rebuilt once, before any write
    await ensureDashboardBuilt(database, townId, clock.now().toISOString());
    await ensureAssessmentBuilt(database, townId, clock.now().toISOString());
    return { ctx, database };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const started = performance.now();
  const config = loadConfig(env);
  const { ctx, database } = await createContext(config);
  const app = await buildApp(ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  const jobs = startJobs(ctx, app.log);
  const url = address.replace('0.0.0.0', '127.0.0.1');
  console.log(`城运平台已启动 City Operations platform ready: ${url} (${database.dialect}, 镇 ${ctx.townId}, ${Math.round(performance.now() - started)} ms)`);
  if (config.nodeEnv !== 'production') {
    console.log(`  大屏 the one screen: ${url}/screen · 模拟运行 a living demo, in another terminal: npx cityops simulate --url ${url} --speed 60`);
  }
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await jobs.stop();
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  return { app, ctx, url, close };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
