/**
 * Outside production: creates the profile's demo accounts that do not exist yet, all with the
 * password `cityops-demo`, so a newcomer can log in at once. Existing accounts are never touched
 * (a changed password or role stays). In production it refuses; see assert-admin-exists.ts instead.
 */
import type { Profile } from '../../domain/profile/schema.js';
import type { AppContext } from '../context.js';
import { findUserByUsername } from '../db/repositories/user-repository.js';
import { Problem } from '../http/problem.js';
import { createUser } from './create-user.js';
import { systemActor } from './record-audit.js';

export const demoPassword = 'cityops-demo';

export interface DemoUsersResult {
  created: string[];
  existing: string[];
  /** accounts the profile names but that could not be created (e.g. an unknown station) */
  failed: { username: string; reason: string }[];
}

export async function ensureDemoUsers(ctx: Pick<AppContext, 'database' | 'clock' | 'townId' | 'config'>, demoUsers: Profile['demoUsers']): Promise<DemoUsersResult> {
  if (ctx.config.nodeEnv === 'production') throw new Error('demo accounts are never created in production (NODE_ENV=production)');
  const result: DemoUsersResult = { created: [], existing: [], failed: [] };
  for (const demo of demoUsers) {
    if (await findUserByUsername(ctx.database.db, ctx.townId, demo.username)) {
      result.existing.push(demo.username);
      continue;
    }
    try {
      await createUser(
        ctx,
        { username: demo.username, password: demoPassword, role: demo.role, stationCode: demo.station ?? null, departmentCode: demo.department ?? null, personnelCode: demo.personnel },
        { actor: systemActor },
        // the demo password is published in the README; it is for trying the platform out, never production
        { skipPasswordPolicy: true },
      );
      result.created.push(demo.username);
    } catch (error) {
      const reason = error instanceof Problem ? [error.text.en, ...error.fieldErrors.map((f) => `${f.field}: ${f.message.en}`)].join('; ') : String(error);
      result.failed.push({ username: demo.username, reason });
    }
  }
  return result;
}
