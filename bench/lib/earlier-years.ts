/**
 * The 10 M dashboard benchmark's town: a decade. A seeded year (full record: cases, events, facts)
 * is copied `years` times into the years before it as closed history — the ids, case numbers and
 * external ids made unique, every instant moved back k years, the cases still open in the seeded
 * year closed at their last update — so the table holds ten years of a busy town the way it would
 * after ten years: the recent year alive, the older ones done. The copies carry no event history:
 * the snapshot and its naive GROUP BY read the cases table only, and a full record of 10 M cases
 * would take about 140 GB and hours to seed on this machine. Then the dashboard's counters are
 * rebuilt from every case by `cityops dashboard rebuild`'s own code. SQLite only.
 */
import { sql } from 'kysely';
import { rebuildDashboard } from '../../src/server/dashboard/rebuild-dashboard.js';
import { openBenchContext } from './seeded-history.js';
import { analyzeAfterBulkLoad } from '../../src/server/db/repositories/seed-repository.js';

const instants = ['reported_at', 'created_at', 'updated_at', 'registered_at', 'dispatched_at', 'unit_overdue_at'];

/** The SELECT expression that makes a column of the k-years-earlier copy. */
function copyOf(column: string, k: number): string {
  const back = (col: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, '-${k} years')`;
  if (instants.includes(column)) return back(column);
  switch (column) {
    case 'id':
      return `id || '-y${k}'`;
    case 'case_no':
      // the year moved back, and a suffix: a seeded range that crosses New Year overlaps its copies' days
      return `(CAST(substr(case_no, 1, 4) AS INTEGER) - ${k}) || substr(case_no, 5) || '-${k}'`;
    case 'external_id':
      return `CASE WHEN external_id IS NULL THEN NULL ELSE external_id || '-y${k}' END`;
    case 'status':
      return `CASE WHEN status = 'voided' THEN 'voided' ELSE 'closed' END`;
    case 'closed_at':
      return back('coalesce(closed_at, updated_at)');
    case 'deadline_state':
      return `'done'`;
    case 'next_due_at':
    case 'suspended_from':
      return 'NULL';
    case 'extension_pending':
      return '0';
    default:
      return `"${column}"`;
  }
}

export interface EarlierYearsResult {
  cases: number;
  copySeconds: number;
  rebuildSeconds: number;
}

/**
 * Adds `years` closed copies of every case there is (the seeded year), then rebuilds the dashboard's
 * counters; null when the database was already grown (a kept directory reused).
 */
export async function addEarlierYears(env: Record<string, string>, years: number): Promise<EarlierYearsResult | null> {
  const { ctx, database } = await openBenchContext(env);
  if (database.dialect !== 'sqlite') throw new Error('earlier years are copied on SQLite only');
  try {
    const db = database.db;
    if (await db.selectFrom('cases').select('id').where('id', 'like', '%-y1').limit(1).executeTakeFirst()) return null;
    const columns = (await sql<{ name: string }>`PRAGMA table_info(cases)`.execute(db)).rows.map((r) => r.name);
    const started = performance.now();
    for (let k = 1; k <= years; k++) {
      process.stderr.write(`\r  copying the seeded year ${k} year(s) back (${k} / ${years})`);
      await db.transaction().execute((trx) =>
        sql
          .raw(`INSERT INTO cases (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${columns.map((c) => copyOf(c, k)).join(', ')} FROM cases WHERE town_id = '${ctx.townId}' AND id NOT LIKE '%-y%'`)
          .execute(trx),
      );
    }
    process.stderr.write('\n');
    const copySeconds = (performance.now() - started) / 1000;
    await analyzeAfterBulkLoad(db, false);
    const rebuilt = await rebuildDashboard(database, ctx.townId, new Date().toISOString());
    return { cases: rebuilt.cases, copySeconds, rebuildSeconds: rebuilt.ms / 1000 };
  } finally {
    await database.close();
  }
}
