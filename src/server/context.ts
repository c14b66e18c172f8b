/** What every route and command needs, built once by the composition root (main.ts) or a test. */
import type { Clock } from '../domain/clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { AttachmentStore } from './attachments/index.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { EventHub } from './realtime/event-hub.js';
import type { RecentCases } from './cases/recent-cases.js';
import type { ApiKeyLookups } from './auth/api-key-lookups.js';
import type { TownSnapshots } from './services/town-snapshot.js';

export interface AppContext {
  database: Database;
  config: Config;
  clock: Clock;
  /** the town this deployment serves (its 9-digit code); every query is scoped by it */
  townId: string;
  version: string;
  /** the town's profile in memory (categories, classifier, calendar, grid index), refreshed when it changes */
  town: TownSnapshots;
  /** SM4 encryption and HMAC-SM3 blind indexes of citizens' personal data */
  cipher: FieldCipher;
  /** wakes event-stream connections after commits */
  realtime: EventHub;
  /** the cases of the duplicate window in memory: what an intake looks up before it writes */
  recentCases: RecentCases;
  /** every API request's key, looked up once for the requests of one turn that carry it */
  apiKeys: ApiKeyLookups;
  /** photos, content-addressed under the data directory */
  attachments: AttachmentStore;
}
