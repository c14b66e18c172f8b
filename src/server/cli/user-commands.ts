/**
 * `cityops user create|list` and `cityops apikey create`: the administrator's way in on a fresh
 * machine (production never creates demo accounts and refuses to start without an admin).
 */
import os from 'node:os';
import type { Command } from 'commander';
import { apiKeyScopes, type ApiKeyScope } from '../../domain/access/actor.js';
import { systemClock } from '../../domain/clock.js';
import { roles, type Role } from '../../domain/profile/schema.js';
import { createApiKey } from '../commands/create-api-key.js';
import { createUser, type UserContext } from '../commands/create-user.js';
import { ensureTownLoaded } from '../commands/ensure-town-loaded.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { listUsers } from '../db/repositories/user-repository.js';
import { Problem } from '../http/problem.js';
import { promptSecret } from './prompt-secret.js';

/** `--role admin` is what the README and the start-up message say; it means the system administrator. */
export function parseRole(value: string): Role {
  const role = value === 'admin' ? 'system_admin' : value;
  const found = roles.find((r) => r === role);
  if (!found) throw new Error(`未知角色 unknown role "${value}"; one of: admin, ${roles.join(', ')}`);
  return found;
}

export function parseScopes(value: string): ApiKeyScope[] {
  const scopes = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !apiKeyScopes.some((k) => k === s));
  if (unknown.length > 0 || scopes.length === 0) throw new Error(`未知授权范围 unknown scope(s) "${unknown.join(',')}"; choose from: ${apiKeyScopes.join(', ')}`);
  return scopes as ApiKeyScope[];
}

const cliActor = () => ({ actor: { type: 'system' as const, id: null, name: `cli:${os.userInfo().username}` } });

/** Opens the database, migrates, makes sure the town is loaded, runs `fn`, closes. Problems print, not crash. */
async function withTown(fn: (ctx: UserContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    const townId = await ensureTownLoaded(database, config, systemClock);
    await fn({ database, clock: systemClock, townId });
  } catch (error) {
    if (error instanceof Problem) {
      console.error(`${error.text.zh} ${error.text.en}`);
      for (const f of error.fieldErrors) console.error(`  ${f.field.replace(/^body\./, '')}: ${f.message.zh} ${f.message.en}`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function newPassword(option: string | undefined): Promise<string> {
  if (option) {
    console.error('注意：命令行中的密码会留在 shell 历史中 note: a password on the command line stays in the shell history; prefer CITYOPS_NEW_PASSWORD or the prompt');
    return option;
  }
  const env = process.env.CITYOPS_NEW_PASSWORD;
  if (env) return env;
  const first = await promptSecret('新密码 New password: ');
  const second = await promptSecret('再输一次 Repeat: ');
  if (first !== second) throw new Error('两次输入的密码不一致 the passwords differ');
  return first;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户账号 user accounts');
  user
    .command('create')
    .description('创建用户 create an account (password from --password, CITYOPS_NEW_PASSWORD, or a prompt)')
    .requiredOption('--username <username>', 'login name: lower-case letters, digits, _ . -')
    .requiredOption('--role <role>', `admin (= system_admin) or one of: ${roles.join(', ')}`)
    .option('--password <password>', 'the password (prefer CITYOPS_NEW_PASSWORD or the prompt)')
    .option('--station <code>', 'station code (inspector, station_chief)')
    .option('--department <code>', 'department code (department_handler; a station chief’s station team)')
    .option('--personnel <code>', 'the person (organization.yaml) this account belongs to')
    .option('--name <name>', 'display name (defaults to the person’s name)')
    .action(async (opts: { username: string; role: string; password?: string; station?: string; department?: string; personnel?: string; name?: string }) => {
      await withTown(async (ctx) => {
        if (!/^[a-z][a-z0-9_.-]{1,39}$/.test(opts.username)) throw new Error('用户名只能用小写字母、数字和 _ . - username: lower-case letters, digits, _ . - (2–40, starting with a letter)');
        const role = parseRole(opts.role);
        const password = await newPassword(opts.password);
        const row = await createUser(
          ctx,
          { username: opts.username, password, role, stationCode: opts.station ?? null, departmentCode: opts.department ?? null, personnelCode: opts.personnel ?? null, displayName: opts.name ?? null },
          cliActor(),
        );
        console.log(`已创建用户 created ${row.username} (${row.role}${row.station_code ? `, ${row.station_code}` : ''}${row.department_code ? `, ${row.department_code}` : ''})`);
      });
    });

  user
    .command('list')
    .description('列出用户 list the accounts of the town')
    .action(async () => {
      await withTown(async (ctx) => {
        const rows = await listUsers(ctx.database.db, ctx.townId);
        const now = ctx.clock.now().getTime();
        for (const r of rows) {
          const flags = [r.active === 1 ? '' : 'disabled', r.locked_until && Date.parse(r.locked_until) > now ? `locked until ${r.locked_until}` : ''].filter(Boolean).join(', ');
          console.log([r.username.padEnd(16), r.role.padEnd(20), (r.station_code ?? r.department_code ?? '-').padEnd(12), r.display_name, flags].join(' ').trimEnd());
        }
        console.log(`${rows.length} 个账号 account(s)`);
      });
    });

  program
    .command('apikey')
    .description('API 密钥 API keys for machine clients')
    .command('create')
    .description('创建 API 密钥 issue a scoped API key; it is printed once and never stored')
    .requiredOption('--name <name>', 'what the key is for, e.g. 12345热线对接')
    .requiredOption('--role <role>', 'the role the key acts as (not an administrator role)')
    .requiredOption('--scopes <scopes>', `comma-separated: ${apiKeyScopes.join(', ')}`)
    .option('--station <code>', 'station scope')
    .option('--department <code>', 'department scope')
    .action(async (opts: { name: string; role: string; scopes: string; station?: string; department?: string }) => {
      await withTown(async (ctx) => {
        const { key, row } = await createApiKey(
          ctx,
          { name: opts.name, role: parseRole(opts.role), scopes: parseScopes(opts.scopes), stationCode: opts.station ?? null, departmentCode: opts.department ?? null },
          cliActor(),
        );
        console.log(`已创建 API 密钥 created API key "${row.name}" (${row.role}; ${opts.scopes}). 只显示这一次 shown only now:`);
        console.log(key);
      });
    });
}
