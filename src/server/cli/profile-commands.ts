import path from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../../domain/clock.js';
import { loadProfileDir } from '../commands/load-profile-dir.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { formatProblems, readProfileDir } from '../profile/read-profile-dir.js';

export function registerProfileCommands(program: Command): void {
  const profile = program.command('profile').description('镇配置 town profile');

  profile
    .command('validate <dir>')
    .description('校验镇配置 report every problem of a profile directory (file, path, reason)')
    .action(async (dir: string) => {
      const { problems } = await readProfileDir(path.resolve(dir));
      if (problems.length === 0) {
        console.log(`镇配置无误 profile OK: ${dir}`);
        return;
      }
      console.error(formatProblems(problems));
      console.error(`\n${problems.length} 个问题 problem(s)`);
      process.exitCode = 1;
    });

  profile
    .command('load <dir>')
    .description('加载镇配置 load a profile into the database (idempotent; edits update in place and keep history)')
    .action(async (dir: string) => {
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database);
        const { result, problems } = await loadProfileDir(database, path.resolve(dir), { at: systemClock.now().toISOString(), by: 'cli:profile-load' });
        if (!result) {
          console.error(formatProblems(problems));
          console.error(`\n镇配置有 ${problems.length} 个问题，未加载 not loaded: ${problems.length} problem(s)`);
          process.exitCode = 1;
          return;
        }
        if (!result.changed) {
          console.log(`镇配置未变化 profile unchanged (${result.townId})`);
          return;
        }
        for (const [table, c] of Object.entries(result.changes)) {
          if (c.inserted + c.updated + c.deactivated > 0) console.log(`${table}: +${c.inserted} ~${c.updated} -${c.deactivated}`);
        }
        console.log(`镇配置已加载 profile loaded (${result.townId})`);
      } finally {
        await database.close();
      }
    });
}
