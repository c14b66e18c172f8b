import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
export function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logHint?: string): Promise<void>;
export function stop(child: ChildProcess): Promise<void>;
