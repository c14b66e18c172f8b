/**
 * A database whose next write commits and then fails as if its answer were lost (a dropped
 * connection after COMMIT): what a command must survive without an error or a second case.
 */
import type { Database } from '../src/server/db/database.js';

export function loseNextWriteAnswer(database: Database): { restore(): void; lost(): boolean } {
  const realWrite = database.write;
  let answerLost = false;
  database.write = (async (fn, options) => {
    const result = await realWrite.call(database, fn, options);
    if (!answerLost) {
      answerLost = true;
      throw new Error('Connection terminated unexpectedly');
    }
    return result;
  }) as typeof database.write;
  return {
    restore: () => {
      database.write = realWrite;
    },
    lost: () => answerLost,
  };
}
