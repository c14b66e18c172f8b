/** Opens the configured database (migrated) with its one town for a CLI command, and closes it after. */
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { findOnlyTown } from '../db/repositories/town-repository.js';

export async function withTown(run: (database: Database, townId: string) => Promise<void>): Promise<void> {
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    const town = await findOnlyTown(database.db);
    if (!town) {
      console.error('数据库中没有镇配置 no town loaded');
      process.exitCode = 1;
      return;
    }
    await run(database, town.id);
  } finally {
    await database.close();
  }
}
