/** Starts bench-server.ts in its own process (the load generator keeps the other core). */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The flags `npm start` gives node (the young generation's size): the server under benchmark runs as in production. */
export function startNodeFlags(): string[] {
  const start = (JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode ((?:--\S+ )*)dist\/server\/main\.js/.exec(start);
  if (!flags) throw new Error(`package.json's start script does not run dist/server/main.js: ${start}`);
  return flags[1]!.split(' ').filter(Boolean);
}

export interface BenchServer {
  url: string;
  apiKey: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function spawnBenchServer(env: Record<string, string>): Promise<BenchServer> {
  // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server under load
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...startNodeFlags(), ...nodeArgs, '--import', 'tsx', 'bench/lib/bench-server.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { port, apiKey } = JSON.parse(line) as { port: number; apiKey: string };
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
