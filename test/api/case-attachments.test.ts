/**
 * Photos over the API: JPEG/PNG/WebP by content, stored once by SHA-256, ≤ 10 MB; anything else is
 * refused with a stable code; a reference to a photo never uploaded changes nothing; a photo attached
 * to a case is recorded in its record.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';
import { tinyJpeg, tinyPng, tinyWebp } from '../images.js';
import { loseNextWriteAnswer } from '../lost-answer.js';

function multipart(bytes: Buffer, filename: string, type: string, field = 'file'): Buffer {
  return Buffer.concat([
    Buffer.from(`--X\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from('\r\n--X--\r\n'),
  ]);
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe(`photos (${dialectUnderTest})`, () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-09T01:00:00.000Z' });
    for (const u of dongpingUsers) cookies[u.username] = await login(t.app, u.username);
  });
  afterAll(async () => t?.close());

  const upload = (bytes: Buffer, filename: string, type: string, url = '/api/v1/attachments', who = 'inspectordf') =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, 'content-type': 'multipart/form-data; boundary=X' }, payload: multipart(bytes, filename, type) });
  const attachmentCount = async () => Number((await t.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const newCase = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: { channel: 'hotline_12345', categoryCode: '09001', description: '路口流动摊贩', location: pointInDongfeng } });
    return res.json().id as string;
  };

  it('takes a PNG, a JPEG and a WebP with their SHA-256 as id, and returns the same id for the same photo', async () => {
    const photos: Array<[Buffer, string, string]> = [
      [tinyPng(), 'a.png', 'image/png'],
      [tinyJpeg(), 'b.jpg', 'image/jpeg'],
      [tinyWebp(), 'c.webp', 'image/webp'],
    ];
    for (const [bytes, name, type] of photos) {
      const res = await upload(bytes, name, type);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(201);
      expect(res.json()).toEqual({ id: sha256(bytes), mediaType: type, size: bytes.length });
    }
    const before = await attachmentCount();
    // the type comes from the content, not from the name or the declared type
    const again = await upload(tinyPng(), 'renamed.jpg', 'image/jpeg', '/api/v1/attachments', 'dispatcher');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual({ id: sha256(tinyPng()), mediaType: 'image/png', size: tinyPng().length });
    expect(await attachmentCount()).toBe(before);
  });

  it('downloads the bytes with the right content type; an unknown or malformed id is refused', async () => {
    for (const [bytes, type] of [[tinyPng(), 'image/png'], [tinyWebp(), 'image/webp']] as const) {
      const id = (await upload(bytes, 'x', type)).json().id as string;
      // not yet referenced by any case: only the uploader sees it
      const other = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie: cookies.cgzd! } });
      expect(other.statusCode).toBe(404);
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie: cookies.inspectordf! } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.rawPayload.equals(bytes)).toBe(true);
    }
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${'0'.repeat(64)}`, headers: { cookie: cookies.cgzd! } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ATTACHMENT_NOT_FOUND');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/attachments/..%2F..%2Fetc%2Fpasswd', headers: { cookie: cookies.cgzd! } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('params.id');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${sha256(tinyPng())}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows a photo referenced by a case to the readers of that case, and to no one else', async () => {
    const id = (await upload(tinyPng(), 'p.png', 'image/png', '/api/v1/attachments', 'dispatcher')).json().id as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie: cookies.dispatcher! },
      payload: { channel: 'hotline_12345', categoryCode: '09001', description: '路口流动摊贩，附照片', location: pointInDongfeng, photos: [id] },
    });
    expect(res.statusCode).toBe(201);
    const asStation = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie: cookies.stationdf! } });
    expect(asStation.statusCode).toBe(200);
    const asOtherUnit = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie: cookies.scs! } });
    expect(asOtherUnit.statusCode).toBe(404);
  });

  it('shows a photo that serves two cases to the readers of either', async () => {
    const bytes = tinyWebp('VP8X');
    const id = (await upload(bytes, 'site.webp', 'image/webp', '/api/v1/attachments', 'dispatcher')).json().id as string;
    const inDongfeng = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: { channel: 'hotline_12345', categoryCode: '09001', description: '东风路口流动摊贩，附照片', location: pointInDongfeng, photos: [id] } });
    expect(inDongfeng.statusCode).toBe(201);
    const view = (who: string) => t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie: cookies[who]! } });
    // 前哨's inspector reads no case of 东风 …
    expect((await view('inspector1')).statusCode).toBe(404);
    // … until the same photo is attached to a case of 前哨 (stored once, used twice)
    const before = await attachmentCount();
    const inQianshao = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: { channel: 'hotline_12345', categoryCode: '09001', description: '前哨路口流动摊贩', location: { lng: 121.8438, lat: 31.5955 } } });
    const attached = await upload(bytes, 'again.webp', 'image/webp', `/api/v1/cases/${inQianshao.json().id as string}/attachments`, 'dispatcher');
    expect(attached.statusCode).toBe(201);
    expect(attached.json().id).toBe(id);
    expect(await attachmentCount()).toBe(before);
    expect((await view('inspector1')).statusCode).toBe(200);
    expect((await view('stationdf')).statusCode).toBe(200);
    expect((await view('scs')).statusCode).toBe(404);
  });

  it('lets no one give a case a photo they may not see: its id alone is not enough', async () => {
    const qianshao = { lng: 121.8438, lat: 31.5955 };
    const report = (photos: string[]) =>
      t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.inspector1! }, payload: { channel: 'inspector', categoryCode: '06010', description: '前哨路边暴露垃圾', location: qianshao, photos } });
    // 东风's inspector uploads two photos of their own (bytes after the image's end make them new files)
    const claimed = (await upload(Buffer.concat([tinyPng(), Buffer.from('claimed')]), 'a.png', 'image/png')).json().id as string;
    const unclaimed = (await upload(Buffer.concat([tinyPng(), Buffer.from('unclaimed')]), 'b.png', 'image/png')).json().id as string;
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.inspectordf! }, payload: { channel: 'inspector', categoryCode: '06010', description: '东风路边暴露垃圾', location: pointInDongfeng, photos: [claimed] } });
    expect(own.statusCode).toBe(201);
    // 前哨's inspector knows both ids, may read neither photo, and cannot give them to a case of 前哨
    for (const id of [claimed, unclaimed]) {
      const refused = await report([id]);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'UNKNOWN_ATTACHMENT', errors: [{ field: 'body.photos[0]' }] });
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie: cookies.inspector1! } })).statusCode).toBe(404);
    }
    // uploading the same file makes it theirs to use too
    const same = await upload(Buffer.concat([tinyPng(), Buffer.from('unclaimed')]), 'c.png', 'image/png', '/api/v1/attachments', 'inspector1');
    expect(same.json().id).toBe(unclaimed);
    expect((await report([unclaimed])).statusCode).toBe(201);
  });

  it('answers an intake with a photo whose commit answer was lost with its case: the photo claimed once, no second case', async () => {
    const id = (await upload(tinyJpeg(), 'lost.jpg', 'image/jpeg', '/api/v1/attachments', 'dispatcher')).json().id as string;
    const caseCount = async () => Number((await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await caseCount();
    // a case claiming a photo is written the ordinary way; the commit goes through and its answer is lost once
    const lossy = loseNextWriteAnswer(t.ctx.database);
    let res;
    try {
      res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: { channel: 'hotline_12345', categoryCode: '09001', description: '应答丢失测试：附照片', location: pointInDongfeng, photos: [id] } });
    } finally {
      lossy.restore();
    }
    expect(lossy.lost()).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(res.json().photos).toEqual([id]);
    expect(await caseCount()).toBe(before + 1);
    const claimed = await t.database.db.selectFrom('attachments').select('case_id').where('sha256', '=', id).executeTakeFirstOrThrow();
    expect(claimed.case_id).toBe(res.json().id);
  });

  it('refuses a GIF, an HTML page named .jpg and an empty file with 415, and stores nothing', async () => {
    const before = await attachmentCount();
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b])]);
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    for (const [bytes, name, type] of [[gif, 'a.gif', 'image/gif'], [html, 'photo.jpg', 'image/jpeg'], [Buffer.alloc(0), 'empty.png', 'image/png']] as const) {
      const res = await upload(bytes, name, type);
      expect(res.statusCode, name).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code, name).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      expect(res.json().message.zh).toBeTruthy();
    }
    expect(await attachmentCount()).toBe(before);
  });

  it('refuses a photo over 10 MB with 413 and a body that is not multipart with 415', async () => {
    const before = await attachmentCount();
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooLarge = await upload(huge, 'huge.png', 'image/png');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('ATTACHMENT_TOO_LARGE');
    // exactly 10 MB is fine
    const exact = Buffer.concat([tinyPng(), Buffer.alloc(10 * 1024 * 1024 - tinyPng().length)]);
    const atLimit = await upload(exact, 'limit.png', 'image/png');
    expect(atLimit.statusCode, atLimit.body.slice(0, 300)).toBe(201);
    expect(atLimit.json().size).toBe(10 * 1024 * 1024);

    const json = await t.app.inject({ method: 'POST', url: '/api/v1/attachments', headers: { cookie: cookies.inspectordf! }, payload: { file: tinyPng().toString('base64') } });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toContain('application/problem+json');
    const raw = await t.app.inject({ method: 'POST', url: '/api/v1/attachments', headers: { cookie: cookies.inspectordf!, 'content-type': 'image/png' }, payload: tinyPng() });
    expect(raw.statusCode).toBe(415);
    const noFile = await t.app.inject({ method: 'POST', url: '/api/v1/attachments', headers: { cookie: cookies.inspectordf!, 'content-type': 'multipart/form-data; boundary=X' }, payload: Buffer.from('--X\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--X--\r\n') });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].field).toBe('body.file');
    expect(await attachmentCount()).toBe(before + 1);
  });

  it('refuses feedback with a photo never uploaded with 422 UNKNOWN_ATTACHMENT and changes nothing', async () => {
    const id = await newCase();
    const act = (who: string, action: string, payload: Record<string, unknown> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]! }, payload });
    expect((await act('dispatcher', 'register')).statusCode).toBe(200);
    expect((await act('cgzd', 'accept')).statusCode).toBe(200);
    expect((await act('cgzd', 'start')).statusCode).toBe(200);
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.dispatcher! } })).json();
    const known = (await upload(tinyJpeg(), 'j.jpg', 'image/jpeg', '/api/v1/attachments', 'cgzd')).json().id as string;
    const res = await act('cgzd', 'feedback', { text: '已处理', photos: [known, 'f'.repeat(64)] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('UNKNOWN_ATTACHMENT');
    expect(res.json().errors[0].field).toBe('body.photos');
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.dispatcher! } })).json();
    expect(after).toMatchObject({ status: 'handling', version: before.version });
    expect(after.events).toHaveLength(before.events.length);
    // with the known photo alone it goes through and the photo is the case's
    const ok = await act('cgzd', 'feedback', { text: '已处理', photos: [known] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().photos).toContain(known);

    // at intake too: nothing is created
    const count = async () => Number((await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const cases = await count();
    const intake = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.inspectordf! }, payload: { channel: 'inspector', description: '暴露垃圾', location: pointInDongfeng, photos: ['e'.repeat(64)] } });
    expect(intake.statusCode).toBe(422);
    expect(intake.json()).toMatchObject({ code: 'UNKNOWN_ATTACHMENT' });
    expect(intake.json().errors[0].field).toBe('body.photos[0]');
    expect(await count()).toBe(cases);
  });

  it('records a photo attached to a case as an `attach` event; others’ cases are refused', async () => {
    const id = await newCase();
    const res = await upload(tinyWebp(), 'scene.webp', 'image/webp', `/api/v1/cases/${id}/attachments`, 'inspectordf');
    expect(res.statusCode).toBe(201);
    expect(res.json().id).toBe(sha256(tinyWebp()));
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.dispatcher! } })).json();
    const last = detail.events.at(-1);
    expect(last).toMatchObject({ action: 'attach', fromStatus: 'reported', toStatus: 'reported', attachments: [sha256(tinyWebp())], data: { mediaType: 'image/webp' } });
    expect(last.actor.name).toBe('inspectordf');
    expect(detail.photos).toContain(sha256(tinyWebp()));
    expect(detail.status).toBe('reported');
    // another station's inspector may not read, so may not attach to, this case
    const before = detail.events.length;
    const refused = await upload(tinyPng(), 'x.png', 'image/png', `/api/v1/cases/${id}/attachments`, 'inspector1');
    expect(refused.statusCode).toBe(403);
    const missing = await upload(tinyPng(), 'x.png', 'image/png', '/api/v1/cases/00000000-0000-4000-8000-000000000000/attachments', 'dispatcher');
    expect(missing.statusCode).toBe(404);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.dispatcher! } })).json();
    expect(after.events).toHaveLength(before);
  });
});
