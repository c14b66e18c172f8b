import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem.js';
import { BUFFER_MAX, PositionBuffer, refusedIndices, type PositionFix, type PositionSender } from './position-feed.js';

const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const fixAt = (ms: number, lng = 121.84): PositionFix => ({ lng, lat: 31.59, accuracy: 10, at: new Date(ms).toISOString() });

/** A server stand-in: records the batches; `script` says, per call, what happens. */
function fakeServer() {
  const batches: PositionFix[][] = [];
  const script: Array<'ok' | 'offline' | '503' | '401' | { refuse: number[] } | '400'> = [];
  const sender: PositionSender = {
    async send(points) {
      batches.push(points);
      const step = script.shift() ?? 'ok';
      if (step === 'offline') throw new ApiError(0, 'NETWORK_ERROR', { zh: '无法连接服务器', en: 'offline' });
      if (step === '503') throw new ApiError(503, 'HTTP_503', { zh: '服务器错误', en: 'Server error' });
      if (step === '401') throw new ApiError(401, 'UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
      if (step === '400') throw new ApiError(400, 'VALIDATION_FAILED', { zh: '请求内容不符合要求', en: 'invalid' }, [{ field: 'body.points', message: { zh: '过多', en: 'too many' } }]);
      if (typeof step === 'object') {
        throw new ApiError(
          422,
          'POSITION_REFUSED',
          { zh: '部分定位点不被接受', en: 'Some points were refused' },
          step.refuse.map((i) => ({ field: `body.points.${i}`, message: { zh: '不在本镇辖区内', en: 'outside the town' } })),
        );
      }
      const last = points.at(-1)!;
      return { accepted: points.length, duplicates: 0, latest: { lng: last.lng, lat: last.lat, accuracy: last.accuracy ?? null, at: last.at } };
    },
  };
  return { batches, script, sender };
}

function setup() {
  const server = fakeServer();
  let now = T0;
  const buffer = new PositionBuffer(server.sender, () => now);
  return { ...server, buffer, advance: (ms: number) => (now += ms), now: () => now };
}

describe('PositionBuffer: when to send', () => {
  it('is due at the first fix, then again a minute after the last try, or at once when 20 wait', async () => {
    const { buffer, advance, now } = setup();
    expect(buffer.due()).toBe(false);
    expect(buffer.add(fixAt(now()))).toBe(true);
    expect(await buffer.flush()).toBe('sent');
    // more, 10 s apart: not due until a minute has passed since the send
    for (let i = 1; i <= 5; i++) {
      advance(10_000);
      expect(buffer.add(fixAt(now()))).toBe(false);
    }
    advance(10_000);
    expect(buffer.add(fixAt(now()))).toBe(true);
    expect(buffer.size).toBe(6);
  });

  it('sends at once when 20 points wait, a minute or not', async () => {
    const { buffer, advance, now } = setup();
    buffer.add(fixAt(now()));
    await buffer.flush();
    let due = false;
    for (let i = 1; i <= 20; i++) {
      // fixes 10 s apart (the phone's clock), arriving within 20 s of the last send (ours)
      advance(1000);
      due = buffer.add(fixAt(T0 + i * 10_000));
      if (i < 20) expect(due).toBe(false);
    }
    expect(due).toBe(true);
    expect(buffer.size).toBe(20);
  });

  it('sendSoon makes the next fix due at once (the feed switched on again)', async () => {
    const { buffer, advance, now } = setup();
    buffer.add(fixAt(now()));
    await buffer.flush();
    advance(5_000);
    expect(buffer.add(fixAt(now()))).toBe(false);
    buffer.sendSoon();
    expect(buffer.due()).toBe(true);
  });

  it('skips a fix that comes less than 10 s after the last buffered one', () => {
    const { buffer } = setup();
    buffer.add(fixAt(T0));
    buffer.add(fixAt(T0 + 9_999));
    buffer.add(fixAt(T0 + 10_000));
    expect(buffer.size).toBe(2);
  });

  it(`keeps at most ${BUFFER_MAX} points, dropping the oldest`, () => {
    const { buffer } = setup();
    for (let i = 0; i < BUFFER_MAX + 5; i++) buffer.add(fixAt(T0 - 5 * 3_600_000 + i * 10_000));
    expect(buffer.size).toBe(BUFFER_MAX);
  });
});

describe('PositionBuffer: sending', () => {
  it('sends oldest first in batches of at most 50, and remembers the newest accepted time', async () => {
    const { buffer, batches } = setup();
    for (let i = 0; i < 120; i++) buffer.add(fixAt(T0 - 3_600_000 + i * 10_000));
    expect(await buffer.flush()).toBe('sent');
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches[0]![0]!.at).toBe(new Date(T0 - 3_600_000).toISOString());
    expect(buffer.size).toBe(0);
    expect(buffer.lastSentAt).toBe(new Date(T0 - 3_600_000 + 119 * 10_000).toISOString());
  });

  it('offline, a 5xx or a 401 keeps every point for the next try', async () => {
    const { buffer, batches, script } = setup();
    buffer.add(fixAt(T0 - 20_000));
    buffer.add(fixAt(T0 - 10_000));
    for (const step of ['offline', '503', '401'] as const) {
      script.push(step);
      expect(await buffer.flush()).toBe('kept');
      expect(buffer.size).toBe(2);
    }
    expect(await buffer.flush()).toBe('sent');
    expect(batches.at(-1)).toHaveLength(2);
    expect(buffer.size).toBe(0);
    expect(buffer.lastSentAt).toBe(new Date(T0 - 10_000).toISOString());
  });

  it('a 422 naming points drops exactly those and sends the rest again', async () => {
    const { buffer, batches, script } = setup();
    for (let i = 0; i < 4; i++) buffer.add(fixAt(T0 - 60_000 + i * 10_000, 121.84 + i / 1000));
    script.push({ refuse: [1, 3] });
    expect(await buffer.flush()).toBe('sent');
    expect(batches).toHaveLength(2);
    expect(batches[1]!.map((p) => p.lng)).toEqual([121.84, 121.842]);
    expect(buffer.size).toBe(0);
    expect(buffer.lastProblem).toBeNull();
  });

  it('a 4xx that names no point drops the batch and says so; it is not resent', async () => {
    const { buffer, batches, script } = setup();
    buffer.add(fixAt(T0));
    script.push('400');
    expect(await buffer.flush()).toBe('sent');
    expect(buffer.size).toBe(0);
    expect(buffer.lastProblem?.code).toBe('VALIDATION_FAILED');
    expect(await buffer.flush()).toBe('nothing');
    expect(batches).toHaveLength(1);
  });

  it('drops points older than 24 hours before sending (the server would refuse them)', async () => {
    const { buffer, batches } = setup();
    buffer.add(fixAt(T0 - 25 * 3_600_000));
    buffer.add(fixAt(T0 - 60_000));
    await buffer.flush();
    expect(batches).toEqual([[fixAt(T0 - 60_000)]]);
  });

  it('runs one flush at a time', async () => {
    const { buffer } = setup();
    buffer.add(fixAt(T0));
    const [a, b] = await Promise.all([buffer.flush(), buffer.flush()]);
    expect([a, b]).toEqual(['sent', 'busy']);
  });
});

describe('refusedIndices', () => {
  it('reads the point index from dotted and bracketed field paths', () => {
    const e = new ApiError(422, 'POSITION_REFUSED', { zh: '', en: '' }, [
      { field: 'body.points.2', message: { zh: '', en: '' } },
      { field: 'body.points.7.at', message: { zh: '', en: '' } },
      { field: 'body.points[4]', message: { zh: '', en: '' } },
      { field: 'body', message: { zh: '', en: '' } },
    ]);
    expect([...refusedIndices(e)].sort((x, y) => x - y)).toEqual([2, 4, 7]);
  });
});
