/**
 * The simulator's HTTP client of the public API: one session per account, an Idempotency-Key on
 * every POST (a retried request is the same request), retries on network errors, and counts of
 * every answer by status and latency — a 4xx is counted and reported, never thrown.
 */
import { randomUUID } from 'node:crypto';

export interface Answer {
  status: number;
  body: unknown;
}

export class SimStats {
  readonly byStatus = new Map<number, number>();
  readonly errorsByCode = new Map<string, number>();
  readonly latencies: number[] = [];
  networkErrors = 0;
  requests = 0;

  record(status: number, ms: number, body: unknown): void {
    this.requests++;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.latencies.push(ms);
    if (status >= 400) {
      const code = typeof body === 'object' && body !== null && 'code' in body ? String((body as { code: unknown }).code) : `HTTP ${status}`;
      this.errorsByCode.set(`${status} ${code}`, (this.errorsByCode.get(`${status} ${code}`) ?? 0) + 1);
    }
  }

  count(predicate: (status: number) => boolean): number {
    let n = 0;
    for (const [s, c] of this.byStatus) if (predicate(s)) n += c;
    return n;
  }

  /** latency percentile in ms (p in 0…100) */
  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  }
}

export class SimSession {
  constructor(
    private readonly baseUrl: string,
    private readonly auth: { cookie?: string; apiKey?: string },
    private readonly stats: SimStats,
  ) {}

  static async login(baseUrl: string, username: string, password: string, stats: SimStats): Promise<SimSession | null> {
    const session = new SimSession(baseUrl, {}, stats);
    const res = await session.send('POST', '/api/v1/session', { username, password }, true);
    if (res.status !== 200 || !res.cookie) return null;
    return new SimSession(baseUrl, { cookie: res.cookie }, stats);
  }

  static withApiKey(baseUrl: string, apiKey: string, stats: SimStats): SimSession {
    return new SimSession(baseUrl, { apiKey }, stats);
  }

  get(path: string): Promise<Answer> {
    return this.send('GET', path);
  }

  post(path: string, body: unknown): Promise<Answer> {
    return this.send('POST', path, body);
  }

  private async send(method: 'GET' | 'POST', path: string, body?: unknown, wantCookie = false): Promise<Answer & { cookie?: string }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (this.auth.apiKey) headers.authorization = `Bearer ${this.auth.apiKey}`;
    if (method === 'POST' && !wantCookie) headers['idempotency-key'] = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: keep the text
        }
        this.stats.record(res.status, performance.now() - started, parsed);
        const cookie = wantCookie ? res.headers.getSetCookie().find((c) => c.startsWith('cityops_session='))?.split(';')[0] : undefined;
        return { status: res.status, body: parsed, cookie };
      } catch (error) {
        this.stats.networkErrors++;
        if (attempt >= 3) return { status: 0, body: { code: 'NETWORK', message: String(error) } };
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }
}
