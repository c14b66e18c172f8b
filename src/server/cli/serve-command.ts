import type { Command } from 'commander';
import { startServer } from '../main.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动平台 start the platform (API + web console) — same as npm start')
    .action(async () => {
      await startServer();
    });
}
