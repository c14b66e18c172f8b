import { describe, expect, it } from 'vitest';
import type { IntakeInput } from '../api/cases.js';
import { ApiError } from '../api/problem.js';
import { ReportQueue, memoryReportStore, type ReportDraft, type ReportSender } from './report-queue.js';

interface Call {
  body: IntakeInput;
  key: string;
}

/**
 * A server stand-in that behaves like the real one where it matters: content-addressed uploads, and
 * an intake that returns the case it already made for a repeated key (or external id). `script`
 * decides, per intake call, whether the network fails before or after the server acted.
 */
function fakeServer() {
  const calls: Call[] = [];
  const uploads: Blob[] = [];
  /** the cases made, by external id; the answers stored per Idempotency-Key */
  const cases = new Map<string, { id: string; caseNo: string }>();
  const byKey = new Map<string, { id: string; caseNo: string }>();
  const script: Array<'ok' | 'offline' | 'lost-answer' | '422' | '401' | '503'> = [];
  let uploadFailures = 0;
  const sender: ReportSender<{ id: string; caseNo: string }> = {
    async upload(photo) {
      if (uploadFailures > 0) {
        uploadFailures--;
        throw new ApiError(0, 'NETWORK_ERROR', { zh: '无法连接服务器，请检查网络', en: 'offline' });
      }
      uploads.push(photo);
      return (await photo.text()).padEnd(64, '0').slice(0, 64);
    },
    async intake(body, key) {
      calls.push({ body, key });
      const step = script.shift() ?? 'ok';
      if (step === 'offline') throw new ApiError(0, 'NETWORK_ERROR', { zh: '无法连接服务器，请检查网络', en: 'offline' });
      if (step === '503') throw new ApiError(503, 'HTTP_503', { zh: '服务器错误（503）', en: 'Server error (503)' });
      if (step === '401') throw new ApiError(401, 'UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
      if (step === '422') {
        throw new ApiError(422, 'OUTSIDE_TOWN', { zh: '该位置不在本镇辖区内', en: 'The location is outside the town' }, [
          { field: 'body.location', message: { zh: '不在任何网格内', en: 'not inside any grid' } },
        ]);
      }
      const existing = byKey.get(key) ?? cases.get(body.externalId ?? '');
      const made = existing ?? { id: `case-${cases.size + 1}`, caseNo: `N${cases.size + 1}` };
      byKey.set(key, made);
      cases.set(body.externalId ?? key, made);
      if (step === 'lost-answer') throw new ApiError(0, 'NETWORK_ERROR', { zh: '无法连接服务器，请检查网络', en: 'offline' });
      return made;
    },
  };
  return { sender, calls, uploads, cases, script, failUploads: (n: number) => (uploadFailures = n) };
}

function setUp() {
  const server = fakeServer();
  let n = 0;
  let minute = 0;
  const queue = new ReportQueue(
    memoryReportStore(),
    server.sender,
    () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    () => new Date(Date.UTC(2026, 2, 9, 1, minute++)),
  );
  return { server, queue };
}

const draft = (description: string, photos: string[] = []): ReportDraft => ({
  owner: 'inspector1',
  description,
  location: { lng: 121.8438, lat: 31.5955, accuracy: 12 },
  inspectorCode: 'P058',
  photos: photos.map((p) => new Blob([p], { type: 'image/png' })),
});

describe('the inspector’s report queue', () => {
  it('stores a report with its key and external id before anything is sent, and sends oldest first', async () => {
    const { server, queue } = setUp();
    const first = await queue.add(draft('路边垃圾堆放'));
    const second = await queue.add(draft('井盖缺失'));
    expect(server.calls).toHaveLength(0);
    expect((await queue.list('inspector1')).map((r) => r.key)).toEqual([first.key, second.key]);
    expect(first.externalId).toBe(`M-${first.key}`);

    const result = await queue.flush('inspector1');
    expect(server.calls.map((c) => c.body.description)).toEqual(['路边垃圾堆放', '井盖缺失']);
    expect(server.calls[0]).toMatchObject({
      key: first.key,
      body: { channel: 'inspector', externalId: first.externalId, reportedAt: first.createdAt, location: { lng: 121.8438, lat: 31.5955, crs: 'wgs84' }, channelData: { inspectorCode: 'P058' } },
    });
    expect(result.sent.map((s) => s.result.caseNo)).toEqual(['N1', 'N2']);
    expect(await queue.list('inspector1')).toEqual([]);
  });

  it('keeps everything queued while offline and sends it when the network returns, with the same key', async () => {
    const { server, queue } = setUp();
    const a = await queue.add(draft('河道漂浮物'));
    await queue.add(draft('路灯不亮'));
    server.script.push('offline');
    const offline = await queue.flush('inspector1');
    expect(offline).toEqual({ sent: [], rejected: [], waiting: 2 });
    // the second was not even tried: the network is down
    expect(server.calls).toHaveLength(1);
    const [kept] = await queue.list('inspector1');
    expect(kept).toMatchObject({ key: a.key, attempts: 1, problem: null });

    const online = await queue.flush('inspector1');
    expect(online.sent).toHaveLength(2);
    expect(server.calls.map((c) => c.key)).toEqual([a.key, a.key, expect.any(String)]);
    expect(server.cases.size).toBe(2);
  });

  it('a resend after a lost answer carries the same key and body, so the server returns the case it made', async () => {
    const { server, queue } = setUp();
    await queue.add(draft('违章搭建', ['photo-a']));
    server.script.push('lost-answer');
    expect((await queue.flush('inspector1')).waiting).toBe(1);
    const again = await queue.flush('inspector1');
    expect(again.sent.map((s) => s.result.id)).toEqual(['case-1']);
    expect(server.cases.size).toBe(1);
    expect(server.calls[1]).toEqual(server.calls[0]);
  });

  it('retries on a 5xx, and stops without losing anything when the session has ended (401)', async () => {
    const { server, queue } = setUp();
    await queue.add(draft('占道经营'));
    server.script.push('503', '401');
    expect((await queue.flush('inspector1')).waiting).toBe(1);
    expect((await queue.flush('inspector1')).waiting).toBe(1);
    expect((await queue.list('inspector1'))[0]).toMatchObject({ attempts: 2, problem: null });
    expect((await queue.flush('inspector1')).sent).toHaveLength(1);
  });

  it('keeps a refused report (4xx) with the server’s Chinese message, sends the others, and sends the corrected one under a new key', async () => {
    const { server, queue } = setUp();
    const bad = await queue.add(draft('位置不对的上报'));
    await queue.add(draft('正常上报'));
    server.script.push('422');
    const result = await queue.flush('inspector1');
    expect(result.rejected).toEqual([{ key: bad.key, problem: { status: 422, code: 'OUTSIDE_TOWN', zh: '该位置不在本镇辖区内', en: 'The location is outside the town', fields: [{ field: 'body.location', zh: '不在任何网格内', en: 'not inside any grid' }] } }]);
    expect(result.sent).toHaveLength(1);
    const [kept] = await queue.list('inspector1');
    expect(kept?.problem?.zh).toBe('该位置不在本镇辖区内');

    // a refused item is not resent as it is
    const calls = server.calls.length;
    await queue.flush('inspector1');
    expect(server.calls).toHaveLength(calls);

    const corrected = await queue.correct(bad.key, { location: undefined, address: '前哨村3组12号' });
    expect(corrected?.key).not.toBe(bad.key);
    expect(corrected?.externalId).toBe(bad.externalId);
    const retry = await queue.flush('inspector1');
    expect(retry.sent).toHaveLength(1);
    expect(server.calls.at(-1)?.body).toMatchObject({ address: '前哨村3组12号', externalId: bad.externalId });
    expect(server.calls.at(-1)?.body.location).toBeUndefined();
    expect(await queue.list('inspector1')).toEqual([]);
  });

  it('a refused report stays until it is deleted', async () => {
    const { server, queue } = setUp();
    const bad = await queue.add(draft('要删除的上报'));
    server.script.push('422');
    await queue.flush('inspector1');
    expect(await queue.list('inspector1')).toHaveLength(1);
    await queue.remove(bad.key);
    expect(await queue.list('inspector1')).toEqual([]);
  });

  it('uploads photos first, keeps the ids of those already uploaded across a failure, and references them by id', async () => {
    const { server, queue } = setUp();
    await queue.add(draft('垃圾满溢', ['one', 'two']));
    server.failUploads(0);
    server.script.push('offline');
    await queue.flush('inspector1');
    expect(server.uploads).toHaveLength(2);
    const [kept] = await queue.list('inspector1');
    expect(kept?.uploaded.every((id) => typeof id === 'string')).toBe(true);
    await queue.flush('inspector1');
    // not uploaded again
    expect(server.uploads).toHaveLength(2);
    expect(server.calls.at(-1)?.body.photos).toEqual(kept?.uploaded);
  });

  it('a failed photo upload keeps the report queued', async () => {
    const { server, queue } = setUp();
    await queue.add(draft('乱贴小广告', ['a']));
    server.failUploads(1);
    expect((await queue.flush('inspector1')).waiting).toBe(1);
    expect(server.calls).toHaveLength(0);
    expect((await queue.flush('inspector1')).sent).toHaveLength(1);
  });

  it('sends only the signed-in account’s reports, and runs one flush at a time', async () => {
    const { server, queue } = setUp();
    await queue.add(draft('我的'));
    await queue.add({ ...draft('别人的'), owner: 'inspector2' });
    const [x, y] = await Promise.all([queue.flush('inspector1'), queue.flush('inspector1')]);
    expect(x).toBe(y);
    expect(server.calls.map((c) => c.body.description)).toEqual(['我的']);
    expect((await queue.list(null)).map((r) => r.owner)).toEqual(['inspector2']);
  });

  it('tells its listeners about every change', async () => {
    const { queue } = setUp();
    let changes = 0;
    const stop = queue.onChange(() => changes++);
    const r = await queue.add(draft('一条'));
    await queue.remove(r.key);
    stop();
    await queue.add(draft('两条'));
    expect(changes).toBe(2);
  });
});
