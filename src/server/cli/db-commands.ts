import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('数据库 database');
  db.command('migrate')
    .description('运行数据库迁移 run the migrations (SQLite file under CITYOPS_DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config);
      try {
        const results = await migrateToLatest(database);
        const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
        console.log(applied.length ? `已执行迁移 applied: ${applied.join(', ')}` : '数据库已是最新 database is up to date');
      } finally {
        await database.close();
      }
    });
}
