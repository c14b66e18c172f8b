import type { Command } from 'commander';
import { rebuildAssessment, verifyAssessment } from '../assessment/recount-assessment.js';
import { withTown } from './with-town.js';

export function registerAssessmentCommands(program: Command): void {
  const assessment = program.command('assessment').description('监督考评 the assessment’s counters');
  assessment
    .command('rebuild')
    .description('从案件记录重新计数考评指标 recount the assessment counters from the whole record, exactly, in one transaction')
    .action(() =>
      withTown(async (database, townId) => {
        const r = await rebuildAssessment(database, townId, new Date().toISOString());
        console.log(`考评计数已重建 rebuilt: ${r.events} 条事件 events → ${r.counters} counters in ${r.ms} ms`);
      }),
    );
  assessment
    .command('verify')
    .description('核对考评计数与重新计数是否一致 compare the stored counters with a recount of the record')
    .action(() =>
      withTown(async (database, townId) => {
        const r = await verifyAssessment(database, townId);
        if (r.differences.length === 0) {
          console.log(`考评计数一致 counters equal a recount: ${r.events} events`);
          return;
        }
        console.error(`考评计数不一致 ${r.differences.length} counters differ from a recount (run \`cityops assessment rebuild\`):`);
        for (const d of r.differences.slice(0, 20)) console.error(`  [${d.table}] ${d.subject} ${d.key} ${d.day} ${d.metric}: stored ${d.stored}, recount ${d.recounted}`);
        process.exitCode = 2;
      }),
    );
}
