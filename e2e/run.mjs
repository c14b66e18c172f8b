// `npm run test:e2e`: build if needed, start the built server on a free port with a fresh data
// directory, run the browser tests (vitest + playwright-core + Debian's chromium), stop the server,
// write test-results/e2e.json and print `e2e: N passed, M failed`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, stop, waitForHealth } from '../scripts/built-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'e2e/artifacts');
const resultsDir = path.join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });
mkdirSync(resultsDir, { recursive: true });

function finish(passed, failed, note) {
  writeFileSync(path.join(resultsDir, 'e2e.json'), JSON.stringify({ numPassedTests: passed, numFailedTests: failed, ...(note ? { note } : {}) }, null, 2) + '\n');
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

// (a) the build: server and web, rebuilt when older than their sources
const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  if (!existsSync(path.join(root, 'dist/server/main.js')) || !existsSync(path.join(root, 'dist/web/index.html'))) {
    finish(0, 1, 'the build failed and no previous build exists');
    process.exit(1);
  }
  console.warn('警告 warning: the build reported errors; testing the output it produced (dist/).');
}
if (!existsSync(chromiumPath)) {
  console.error(`chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (never \`npx playwright install\`).`);
  finish(0, 1, 'chromium missing');
  process.exit(1);
}

// (b) the built server, on a free port, with a fresh data directory (development: Dongping profile and demo accounts)
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cityops-e2e-'));
const serverLog = openSync(path.join(artifacts, 'server.log'), 'w');
const server = spawn(process.execPath, ['dist/server/main.js'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CITYOPS_DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '' },
  stdio: ['ignore', serverLog, serverLog],
});

let passed = 0;
let failed = 0;
let note;
try {
  await waitForHealth(baseUrl, server, 90_000, 'e2e/artifacts/server.log');
  console.log(`server ready at ${baseUrl} (data ${dataDir})`);
  // (c) the browser tests
  const vitestJson = path.join(resultsDir, 'e2e-vitest.json');
  rmSync(vitestJson, { force: true });
  const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromiumPath } },
  );
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // a file that fails to load has no tests but is a failure all the same
    if (run.status !== 0 && failed === 0) {
      failed = 1;
      note = 'vitest exited with an error outside the tests';
    }
  } else {
    failed = 1;
    note = `vitest wrote no report (exit ${run.status})`;
  }
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  failed = Math.max(failed, 1);
  note = String(err instanceof Error ? err.message : err);
} finally {
  // (e) stop the server and drop its data
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
// (f) the summary
finish(passed, failed, note);
