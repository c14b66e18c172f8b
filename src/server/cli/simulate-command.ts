/** `cityops simulate`: a living town against a running server, through the public API (see simulate/simulator.ts). */
import type { Command } from 'commander';
import { simulate, SimulationError, type SimProgress, type SimulateOptions } from '../simulate/simulator.js';
import { formatDuration, ProgressLine } from './progress-line.js';

/** '90s', '10m', '2h', '1d' or plain seconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m) throw new SimulationError(`--duration must look like 90s, 10m, 2h or 1d, got "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new SimulationError(`${name} must be a positive number, got "${value}"`);
  return n;
}

function shanghai(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function progressText(p: SimProgress): string {
  const errors = [...p.errorsByCode].map(([k, v]) => `${k}×${v}`).join(' ');
  return `模拟时间 sim ${shanghai(p.simulatedAt)} | ${formatDuration(p.elapsedMs)} | ${(p.requests / Math.max(1, p.elapsedMs / 1000)).toFixed(1)} req/s | 新建 created ${p.created} 结案 closed ${p.closed} | 5xx ${p.serverErrors}${errors ? ` | ${errors}` : ''}`;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('模拟运行 drive realistic traffic against a running server through the public API (hotline peaks, patrols, alarms, the loop moving)')
    .option('--url <url>', '服务器地址 server URL', 'http://127.0.0.1:8080')
    .option('--speed <n>', '加速倍数 simulated seconds per real second, or "max" (load generation)', '60')
    .option('--duration <d>', '运行时长 real run time, e.g. 10m (with --speed max: the simulated window)', '10m')
    .option('--seed <n>', '随机种子 random seed', '1')
    .option('--rate-scale <x>', '受理量倍数 multiply the town’s daily intake (300 a day)', '1')
    .option('--rps <n>', '固定受理速率 fixed intake per second instead of the daily curve')
    .option('--concurrency <n>', '并发请求数 requests in flight at most', '16')
    .option('--password <p>', '演示账号密码 demo accounts’ password (or CITYOPS_SIM_PASSWORD)')
    .option('--api-key <key>', '受理用 API 密钥 API key for intake (or CITYOPS_SIM_API_KEY)')
    .action(async (opts: { url: string; speed: string; duration: string; seed: string; rateScale: string; rps?: string; concurrency: string; password?: string; apiKey?: string }) => {
      try {
        const options: SimulateOptions = {
          url: opts.url,
          speed: opts.speed === 'max' ? 'max' : positive(opts.speed, '--speed'),
          durationMs: parseDuration(opts.duration),
          seed: Math.trunc(Number(opts.seed)) || 1,
          rateScale: positive(opts.rateScale, '--rate-scale'),
          rps: opts.rps === undefined ? undefined : positive(opts.rps, '--rps'),
          concurrency: Math.max(1, Math.trunc(positive(opts.concurrency, '--concurrency'))),
          password: opts.password ?? process.env.CITYOPS_SIM_PASSWORD ?? 'cityops-demo',
          apiKey: opts.apiKey ?? process.env.CITYOPS_SIM_API_KEY,
        };
        const progress = new ProgressLine({ everyMs: 10_000 });
        const abort = new AbortController();
        const stop = () => abort.abort();
        process.once('SIGINT', stop);
        options.signal = abort.signal;
        options.onProgress = (p) => progress.update(progressText(p));
        const report = await simulate(options);
        process.off('SIGINT', stop);
        progress.finish(
          `完成 done: ${report.created} 新建 created, ${report.closed} 结案 closed, ${report.requests} requests in ${formatDuration(report.elapsedMs)} ` +
            `(${report.requestsPerSecond.toFixed(1)} req/s; latency p50 ${report.latencyMs.p50.toFixed(0)} ms, p90 ${report.latencyMs.p90.toFixed(0)} ms, p99 ${report.latencyMs.p99.toFixed(0)} ms), 5xx ${report.serverErrors}`,
        );
        console.log(JSON.stringify(report));
        if (report.serverErrors > 0) process.exitCode = 2;
      } catch (error) {
        if (!(error instanceof SimulationError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      }
    });
}
