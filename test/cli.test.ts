/** The `cityops` command line as a user runs it: validate reports every problem with file and path; load is idempotent. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dongpingDir } from './dongping.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function cityops(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/cityops.mjs', ...args], { cwd: root, env: { ...process.env, CITYOPS_FROM_SOURCE: '1', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function edit(file: string, change: (text: string) => string): void {
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  fs.writeFileSync(file, after);
}

describe('cityops profile', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-cli-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('validates the Dongping profile without a problem', async () => {
    const r = await cityops(['profile', 'validate', dongpingDir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('profile OK');
  }, 60_000);

  it('reports each problem of a broken profile with file, line, path and reason, and exits non-zero', async () => {
    // file-level problems first (each file against its schema) …
    const malformed = path.join(tmp, 'malformed');
    fs.cpSync(dongpingDir, malformed, { recursive: true });
    edit(path.join(malformed, 'departments.yaml'), (t) => t.replace('phone: 021-59672110', 'phone: abc'));
    edit(path.join(malformed, 'organization.yaml'), (t) => t.replace("phone: '13730278034'", "phone: '1373'"));
    const r1 = await cityops(['profile', 'validate', malformed]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/departments\.yaml:27 departments\[1\]\.phone — .*not a phone number/);
    expect(r1.stderr).toMatch(/organization\.yaml:\d+ personnel\[\d+\]\.phone — /);
    // … then, when every file is well-formed, the checks across files
    const inconsistent = path.join(tmp, 'inconsistent');
    fs.cpSync(dongpingDir, inconsistent, { recursive: true });
    edit(path.join(inconsistent, 'categories.yaml'), (t) => t.replace('owner: CGZD', 'owner: NOSUCH'));
    edit(path.join(inconsistent, 'town.yaml'), (t) => t.replace(/code: DF\b/, 'code: QS'));
    const r2 = await cityops(['profile', 'validate', inconsistent]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/categories\.yaml:\d+ categories\[\d+\]\.owner — .*NOSUCH/);
    expect(r2.stderr).toMatch(/town\.yaml:\d+ stations\[\d+\]\.code — .*QS/);
  }, 60_000);

  it('loads into the database and a second load reports no change', async () => {
    const env = { CITYOPS_DATA_DIR: path.join(tmp, 'data') };
    if (process.env.TEST_DATABASE_URL) return; // the CLI's PostgreSQL path is the same code, covered by test/profile-load.test.ts
    const first = await cityops(['profile', 'load', dongpingDir], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('profile loaded (310151115)');
    const second = await cityops(['profile', 'load', dongpingDir], env);
    expect(second.stdout).toContain('profile unchanged (310151115)');
    const verify = await cityops(['audit', 'verify'], env);
    expect(verify.stdout).toContain('record intact: 0');
    // the dashboard's counters: rebuilt from the (still empty) record, and equal to a recount
    const rebuilt = await cityops(['dashboard', 'rebuild'], env);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('rebuilt: 0 件案件 cases');
    const checked = await cityops(['dashboard', 'verify'], env);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('counters equal a recount: 0 cases');
    const recounted = await cityops(['assessment', 'rebuild'], env);
    expect(recounted.code, recounted.stderr).toBe(0);
    expect(recounted.stdout).toContain('rebuilt: 0 条事件 events');
    expect((await cityops(['assessment', 'verify'], env)).stdout).toContain('counters equal a recount: 0 events');
  }, 60_000);

  it('audit verify passes a seeded record and exits non-zero naming the first bad seq once a row is rewritten or deleted', async () => {
    if (process.env.TEST_DATABASE_URL) return; // the CLI's PostgreSQL path is the same code; the chain's checks run on both in test/api/case-loop.test.ts
    const dataDir = path.join(tmp, 'tamper');
    const env = (dir: string) => ({ CITYOPS_DATA_DIR: dir });
    expect((await cityops(['profile', 'load', dongpingDir], env(dataDir))).code).toBe(0);
    const seeded = await cityops(['seed', '--cases', '30'], env(dataDir));
    expect(seeded.code, seeded.stderr).toBe(0);
    const intact = await cityops(['audit', 'verify'], env(dataDir));
    expect(intact.code, intact.stderr).toBe(0);
    expect(Number(/record intact: (\d+)/.exec(intact.stdout)?.[1])).toBeGreaterThan(30);

    const { default: Database } = await import('better-sqlite3');
    const tampered = async (name: string, sql: string) => {
      const dir = path.join(tmp, name);
      fs.cpSync(dataDir, dir, { recursive: true });
      const db = new Database(path.join(dir, 'cityops.db'));
      try {
        // someone with the file: the append-only triggers go first
        const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'case_events'`).all() as Array<{ name: string }>;
        expect(triggers.length).toBeGreaterThan(0);
        for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
        expect(db.prepare(sql).run().changes).toBe(1);
      } finally {
        db.close();
      }
      return cityops(['audit', 'verify'], env(dir));
    };
    // a reason rewritten in the middle of the record
    const rewritten = await tampered('rewritten', `UPDATE case_events SET reason = '改写的原因' WHERE seq = 10`);
    expect(rewritten.code).toBe(2);
    expect(rewritten.stderr).toContain('record broken at seq 10');
    // a row deleted: the next one no longer links to the one before it
    const deleted = await tampered('deleted', `DELETE FROM case_events WHERE seq = 20`);
    expect(deleted.code).toBe(2);
    expect(deleted.stderr).toMatch(/record broken at seq 2[01]/);
    // the untouched record still verifies
    expect((await cityops(['audit', 'verify'], env(dataDir))).code).toBe(0);
  }, 120_000);
});
