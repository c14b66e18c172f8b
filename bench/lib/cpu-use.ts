/**
 * CPU time used while a load runs, in ms, read from /proc (Linux; undefined elsewhere). Less noisy
 * than throughput on a shared machine: it says what each request costs, whatever else the machine
 * was doing meanwhile.
 * - the server's main thread (/proc/<pid>/task/<pid>/stat): the thread that serves every request;
 * - all of the request's CPU on this machine: the server process (every thread: the SQLite writer,
 *   V8's garbage-collection helpers), the PostgreSQL processes, and the load generator (this process).
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a /proc stat file, in ms */
function statCpuMs(file: string): number | undefined {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are the 14th and 15th fields of the whole line: the 12th and 13th after the name
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export function mainThreadCpuMs(pid: number): number | undefined {
  return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

/** every PostgreSQL server process on this machine (backends, WAL writer, checkpointer) */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) total += statCpuMs(`/proc/${entry}/stat`) ?? 0;
    } catch {
      // the process has exited meanwhile
    }
  }
  return total;
}

/** the server process (all its threads), PostgreSQL, and this process (the load generator) */
export function allCpuMs(serverPid: number): number | undefined {
  const server = statCpuMs(`/proc/${serverPid}/stat`);
  if (server === undefined) return undefined;
  const own = process.cpuUsage();
  return server + postgresCpuMs() + (own.user + own.system) / 1000;
}
