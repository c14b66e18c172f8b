import type { Command } from 'commander';
import { verifyRecord } from '../commands/verify-record.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { findOnlyTown } from '../db/repositories/town-repository.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计 the record');
  audit
    .command('verify')
    .description('校验案件记录的 SM3 哈希链 verify the hash chain of case events: any rewritten or deleted row is reported')
    .action(async () => {
      const database = openDatabase(loadConfig());
      try {
        const town = await findOnlyTown(database.db);
        if (!town) {
          console.error('数据库中没有镇配置 no town loaded');
          process.exitCode = 1;
          return;
        }
        const verdict = await verifyRecord(database, town.id);
        if (verdict.ok) {
          console.log(`记录完整 record intact: ${verdict.count} 条事件 events, head ${verdict.head.seq} ${verdict.head.hash}`);
        } else {
          console.error(`记录被篡改 record broken at seq ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.count} events checked)`);
          process.exitCode = 2;
        }
      } finally {
        await database.close();
      }
    });
}
