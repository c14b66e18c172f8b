/** The `cityops` command line (package bin). Each group of commands lives in its own file. */
import { Command } from 'commander';
import { version } from '../version.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerDashboardCommands } from './dashboard-commands.js';
import { registerAssessmentCommands } from './assessment-commands.js';
import { registerDbCommands } from './db-commands.js';
import { registerProfileCommands } from './profile-commands.js';
import { registerSeedCommand } from './seed-command.js';
import { registerSimulateCommand } from './simulate-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerUserCommands } from './user-commands.js';

export function buildCli(): Command {
  const program = new Command('cityops')
    .description('城运平台 City Operations platform — server and administration tool')
    .version(version);
  registerServeCommand(program);
  registerDbCommands(program);
  registerProfileCommands(program);
  registerAuditCommands(program);
  registerDashboardCommands(program);
  registerAssessmentCommands(program);
  registerUserCommands(program);
  registerSeedCommand(program);
  registerSimulateCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  await buildCli().parseAsync(argv);
}
