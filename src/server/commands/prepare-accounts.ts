/**
 * Accounts at start: outside production, the profile's demo accounts are created so a newcomer can log
 * in at once; in production none are ever created and the platform refuses to start without an admin.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { demoUsersFileSchema } from '../../domain/profile/schema.js';
import type { AppContext } from '../context.js';
import { assertAdminExists } from './assert-admin-exists.js';
import { ensureDemoUsers } from './ensure-demo-users.js';

export async function prepareAccounts(ctx: AppContext): Promise<void> {
  if (ctx.config.nodeEnv === 'production') {
    await assertAdminExists(ctx.database, ctx.townId);
    return;
  }
  const file = path.join(ctx.config.profileDir, 'demo-users.yaml');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return;
  const users = demoUsersFileSchema.parse(parse(text)).users;
  const result = await ensureDemoUsers(ctx, users);
  if (result.failed.length > 0) console.warn(`演示账号未能创建 demo accounts not created: ${JSON.stringify(result.failed)}`);
}
