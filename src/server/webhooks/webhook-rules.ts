/** Pure rules of webhook delivery: the signature, the retry schedule, the event filter. */
import { createHmac, randomBytes } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of X-CityOps-Signature. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export const MAX_ATTEMPTS = 8;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** waits after the 1st, 2nd, … failed attempt; after the 8th the delivery is given up */
export const retryDelaysMs: readonly number[] = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];

/** When to try again after `attempts` failed attempts, or null when no attempt is left. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = retryDelaysMs[Math.min(attempts, retryDelaysMs.length) - 1] ?? retryDelaysMs[0]!;
  return new Date(now.getTime() + delay);
}

/** ["*"] takes every event; otherwise the event's action must be listed. */
export function webhookWants(events: readonly string[], action: string): boolean {
  return events.includes('*') || events.includes(action);
}
