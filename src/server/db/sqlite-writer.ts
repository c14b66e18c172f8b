/**
 * The SQLite writer thread: a second connection to the same file, in a worker thread, that runs a
 * group-committed batch's flush — the statements the batch deferred — in one transaction and commits
 * it. The batch's commands are prepared on the main thread (validation, classification, routing,
 * the hash chain); inserting their rows into indexed tables, the COMMIT's page writes and fsync, and
 * the WAL checkpoints then run on the other core, while the main thread serves the next requests.
 * The group committer still runs one batch at a time and answers a batch's commands only after this
 * thread has committed it, so nothing is acknowledged before it is durable (ADR 0004).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import { withProps } from '../../domain/with-props.js';

/** The worker's source: plain CommonJS, so it runs the same under tsx, vitest and the built server. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const p of workerData.pragmas) db.pragma(p);
const statements = new Map();
const prepare = (sql) => {
  let s = statements.get(sql);
  if (!s) {
    s = db.prepare(sql);
    if (statements.size >= 500) statements.delete(statements.keys().next().value);
    statements.set(sql, s);
  }
  return s;
};
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.postMessage({ id: m.id, ok: true });
    return;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const q of m.queries) {
      const s = prepare(q.sql);
      if (s.reader) s.all(q.parameters);
      else s.run(q.parameters);
    }
    db.exec('COMMIT');
    parentPort.postMessage({ id: m.id, ok: true });
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    parentPort.postMessage({ id: m.id, ok: false, message: String(e && e.message), code: e && e.code });
  }
});
`;

interface Reply {
  id: number;
  ok: boolean;
  message?: string;
  code?: string;
}

/** An error from the writer thread, with SQLite's code (SQLITE_CONSTRAINT_UNIQUE, …) as the main connection's would have. */
export class SqliteWriterError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

export class SqliteWriter {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  /** `pragmas`: the main connection's, so both write alike (synchronous, checkpoints, foreign keys). */
  constructor(
    private readonly file: string,
    private readonly pragmas: readonly string[],
  ) {}

  /** Runs the statements in one transaction (BEGIN IMMEDIATE … COMMIT) on the writer thread. */
  commit(queries: readonly CompiledQuery[]): Promise<void> {
    return this.send({ queries: queries.map((q) => ({ sql: q.sql, parameters: q.parameters })) });
  }

  async close(): Promise<void> {
    if (!this.worker) return;
    const worker = this.worker;
    await this.send({ close: true }).catch(() => undefined);
    this.worker = undefined;
    await worker.terminate();
  }

  private send(message: object): Promise<void> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // keeps the process alive only while a batch is in the writer's hands
      worker.ref();
      worker.postMessage(withProps(message, { id }));
    });
  }

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(workerSource, { eval: true, workerData: { file: this.file, driver, pragmas: this.pragmas } });
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) p.resolve();
      else p.reject(new SqliteWriterError(reply.message ?? 'the SQLite writer refused the batch', reply.code));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the SQLite writer thread exited with ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** the thread died: what it held is not committed; the next batch starts a new one */
  private fail(error: Error): void {
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
