import { sql } from 'kysely';
import type { Database } from '../database.js';

/** A round trip to the database, timed. */
export async function checkDatabase(database: Database): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await sql`select 1`.execute(database.db);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch {
    return { ok: false, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  }
}
