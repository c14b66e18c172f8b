/** Production start refuses to run without an active system administrator (no demo accounts there). */
import type { Database } from '../db/database.js';
import { countActiveUsersWithRole } from '../db/repositories/user-repository.js';

export class NoAdminError extends Error {
  override name = 'NoAdminError';
}

export async function assertAdminExists(database: Database, townId: string): Promise<void> {
  if ((await countActiveUsersWithRole(database.db, townId, 'system_admin')) > 0) return;
  throw new NoAdminError(
    '没有系统管理员账号，拒绝启动。请先创建：cityops user create --username admin --role admin\n' +
      'No system administrator account: refusing to start. Create one first: cityops user create --username admin --role admin',
  );
}
