/**
 * CPU time the server's main thread has used, in ms (Linux: /proc/<pid>/task/<pid>/stat, user + system;
 * undefined elsewhere). Less noisy than throughput on a shared machine: it says what each request
 * costs the thread that serves every request, whatever else the machine was doing meanwhile.
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function mainThreadCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are the 14th and 15th fields of the whole line: the 12th and 13th after the name
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
