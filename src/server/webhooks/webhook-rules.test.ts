import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, newWebhookSecret, nextAttemptAfter, signBody, webhookWants } from './webhook-rules.js';

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const body = '{"id":"d1","event":{"action":"dispatch","caseNo":"东平"}}';
    expect(signBody('s', body)).toBe(`sha256=${createHmac('sha256', 's').update(Buffer.from(body, 'utf8')).digest('hex')}`);
  });
  it('secrets are random, prefixed and long', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('retry schedule', () => {
  const now = new Date('2026-03-02T01:00:00.000Z');
  it('waits 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, then gives up after the 8th attempt', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => (nextAttemptAfter(n, now)!.getTime() - now.getTime()) / 1000);
    expect(waits).toEqual([30, 120, 600, 3600, 10800, 21600, 43200]);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttemptAfter(8, now)).toBeNull();
    expect(nextAttemptAfter(9, now)).toBeNull();
  });
});

describe('event filter', () => {
  it("'*' takes everything, a list only what it names", () => {
    expect(webhookWants(['*'], 'urge')).toBe(true);
    expect(webhookWants(['dispatch', 'close'], 'close')).toBe(true);
    expect(webhookWants(['dispatch', 'close'], 'return')).toBe(false);
    expect(webhookWants([], 'dispatch')).toBe(false);
  });
});
