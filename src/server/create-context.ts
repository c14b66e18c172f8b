/** Builds the AppContext for a database whose town is loaded: used by main.ts and by the test harness. */
import type { Clock } from '../domain/clock.js';
import { AttachmentStore } from './attachments/index.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { loadOrCreateMasterKey } from './crypto/field-key.js';
import type { Database } from './db/database.js';
import { EventHub } from './realtime/event-hub.js';
import { RecentCases } from './cases/recent-cases.js';
import { ApiKeyLookups } from './auth/api-key-lookups.js';
import { TownSnapshots } from './services/town-snapshot.js';
import { version } from './version.js';

export function createAppContext(database: Database, config: Config, clock: Clock, townId: string): AppContext {
  const masterKey = loadOrCreateMasterKey(config.dataDir);
  return {
    database,
    config,
    clock,
    townId,
    version,
    town: new TownSnapshots(database.db, townId),
    cipher: new FieldCipher(masterKey.key),
    realtime: new EventHub(),
    recentCases: new RecentCases(database.db, townId),
    apiKeys: new ApiKeyLookups(database.db, townId),
    attachments: AttachmentStore.forDataDir(config.dataDir),
  };
}
