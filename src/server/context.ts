/** What every route and command needs, built once by the composition root (main.ts) or a test. */
import type { Clock } from '../domain/clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';

export interface AppContext {
  database: Database;
  config: Config;
  clock: Clock;
  /** the town this deployment serves (its 9-digit code); every query is scoped by it */
  townId: string;
  version: string;
}
