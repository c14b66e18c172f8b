import type { Command } from 'commander';
import { rebuildDashboard, verifyDashboard } from '../dashboard/rebuild-dashboard.js';
import { withTown } from './with-town.js';

export function registerDashboardCommands(program: Command): void {
  const dashboard = program.command('dashboard').description('大屏统计 the live dashboard’s counters');
  dashboard
    .command('rebuild')
    .description('从全部案件重建大屏统计 recount the dashboard counters from every case, exactly, in one transaction')
    .action(() =>
      withTown(async (database, townId) => {
        const tty = process.stderr.isTTY;
        const result = await rebuildDashboard(database, townId, new Date().toISOString(), (cases) => {
          if (tty && cases % 50_000 === 0) process.stderr.write(`\r重建中 rebuilding… ${cases.toLocaleString('en-US')} cases`);
        });
        if (tty) process.stderr.write('\n');
        console.log(`大屏统计已重建 rebuilt: ${result.cases} 件案件 cases → ${result.counters} counters in ${result.ms} ms`);
      }),
    );
  dashboard
    .command('verify')
    .description('核对大屏统计与重新计数是否一致 compare the stored counters with a recount of every case')
    .action(() =>
      withTown(async (database, townId) => {
        const result = await verifyDashboard(database, townId);
        if (result.differences.length === 0) {
          console.log(`大屏统计一致 counters equal a recount: ${result.cases} cases, ${result.counters} counters`);
          return;
        }
        console.error(`大屏统计不一致 ${result.differences.length} counters differ from a recount (run \`cityops dashboard rebuild\`):`);
        for (const d of result.differences.slice(0, 20)) console.error(`  ${d.dim} ${d.key} ${d.bucket} ${d.metric}: stored ${d.stored}, recount ${d.recounted}`);
        process.exitCode = 2;
      }),
    );
}
