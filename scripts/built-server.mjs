// The built server (dist/server/main.js) as a child process on a free loopback port: shared by the
// browser tests (e2e/run.mjs) and the first-load benchmark (bench/first-load.ts).
import net from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once GET /api/v1/health answers 2xx; rejects if the child exits or time runs out. */
export async function waitForHealth(url, child, timeoutMs, logHint = 'its log') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} (see ${logHint})`);
    try {
      const res = await globalThis.fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy answer from ${url}/api/v1/health within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 5 s. */
export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
