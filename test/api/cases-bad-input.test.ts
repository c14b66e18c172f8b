/**
 * Bad input on every case, attachment, stream and organisation endpoint: malformed JSON, wrong types,
 * unknown fields, oversized bodies, coordinates out of range, bad ids in the path, unknown actions →
 * 4xx problem+json with a stable code, a Chinese and an English message and the offending field;
 * never a 5xx, and nothing changed. SQL and script fragments in text fields are stored verbatim as
 * text and come back as JSON, never executed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';

type Method = 'GET' | 'POST';
interface BadCase {
  name: string;
  method: Method;
  url: string;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  as?: 'none';
  status: number;
  /** a field path the problem must name */
  field?: string;
  code?: string;
}

const sqlFragment = "' OR 1=1 --";
const script = '<script>alert(1)</script>';
const json = (v: unknown) => JSON.stringify(v);
const oversized = json({ channel: 'citizen', description: '大'.repeat(600_000), address: 'x' });
const noCase = '00000000-0000-4000-8000-000000000000';
const order = { channel: 'hotline_12345', description: '路口流动摊贩', location: pointInDongfeng };

describe(`case and organisation endpoints reject bad input (${dialectUnderTest})`, () => {
  let t: TestApp;
  let cookie: string;
  let caseId: string;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-09T01:00:00.000Z' });
    cookie = await login(t.app, 'dispatcher');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie }, payload: { ...order, categoryCode: '09001' } });
    caseId = res.json().id;
  });
  afterAll(async () => t?.close());

  const cases = (): BadCase[] => [
    // POST /cases
    { name: 'intake: malformed JSON', method: 'POST', url: '/api/v1/cases', body: '{"channel": "citizen", ', status: 400, code: 'MALFORMED_JSON', field: 'body' },
    { name: 'intake: empty body', method: 'POST', url: '/api/v1/cases', body: '', status: 400 },
    { name: 'intake: JSON null', method: 'POST', url: '/api/v1/cases', body: 'null', status: 400 },
    { name: 'intake: array body', method: 'POST', url: '/api/v1/cases', body: json([order]), status: 400 },
    { name: 'intake: wrong type of description', method: 'POST', url: '/api/v1/cases', body: json({ ...order, description: 123 }), status: 400, field: 'body.description' },
    { name: 'intake: coordinates as strings', method: 'POST', url: '/api/v1/cases', body: json({ ...order, location: { lng: '121.47', lat: '31.68' } }), status: 400, field: 'body.location.lng' },
    { name: 'intake: unknown field', method: 'POST', url: '/api/v1/cases', body: json({ ...order, priority: 'high' }), status: 400, field: 'body.priority' },
    { name: 'intake: unknown location field', method: 'POST', url: '/api/v1/cases', body: json({ ...order, location: { ...pointInDongfeng, alt: 3 } }), status: 400, field: 'body.location.alt' },
    { name: 'intake: unknown reporter field', method: 'POST', url: '/api/v1/cases', body: json({ ...order, reporter: { name: '张三', idCard: '310' } }), status: 400, field: 'body.reporter.idCard' },
    { name: 'intake: unknown channel', method: 'POST', url: '/api/v1/cases', body: json({ ...order, channel: 'fax' }), status: 400, field: 'body.channel' },
    { name: 'intake: no channel', method: 'POST', url: '/api/v1/cases', body: json({ description: 'x', address: 'y' }), status: 400, field: 'body.channel' },
    { name: 'intake: blank description', method: 'POST', url: '/api/v1/cases', body: json({ ...order, description: '   ' }), status: 400, field: 'body.description' },
    { name: 'intake: lng out of range', method: 'POST', url: '/api/v1/cases', body: json({ ...order, location: { lng: 200, lat: 31.68 } }), status: 400, field: 'body.location.lng' },
    { name: 'intake: lat out of range', method: 'POST', url: '/api/v1/cases', body: json({ ...order, location: { lng: 121.47, lat: -91 } }), status: 400, field: 'body.location.lat' },
    { name: 'intake: unknown crs', method: 'POST', url: '/api/v1/cases', body: json({ ...order, location: { ...pointInDongfeng, crs: 'mars' } }), status: 400, field: 'body.location.crs' },
    { name: 'intake: SQL as category code', method: 'POST', url: '/api/v1/cases', body: json({ ...order, categoryCode: sqlFragment }), status: 400, field: 'body.categoryCode' },
    { name: 'intake: script as urgency', method: 'POST', url: '/api/v1/cases', body: json({ ...order, urgency: script }), status: 400, field: 'body.urgency' },
    { name: 'intake: SQL as phone', method: 'POST', url: '/api/v1/cases', body: json({ ...order, reporter: { phone: sqlFragment } }), status: 400, field: 'body.reporter.phone' },
    { name: 'intake: bad reportedAt', method: 'POST', url: '/api/v1/cases', body: json({ ...order, reportedAt: 'yesterday' }), status: 400, field: 'body.reportedAt' },
    { name: 'intake: path as photo id', method: 'POST', url: '/api/v1/cases', body: json({ ...order, photos: ['../../etc/passwd'] }), status: 400, field: 'body.photos.0' },
    { name: 'intake: description too long', method: 'POST', url: '/api/v1/cases', body: json({ ...order, description: '长'.repeat(4001) }), status: 400, field: 'body.description' },
    // PostgreSQL cannot store U+0000 in text; both dialects refuse it the same way
    { name: 'intake: NUL in description', method: 'POST', url: '/api/v1/cases', body: json({ ...order, description: 'a\u0000b' }), status: 400, field: 'body.description' },
    { name: 'intake: NUL in reporter name', method: 'POST', url: '/api/v1/cases', body: json({ ...order, reporter: { name: '张\u0000' } }), status: 400, field: 'body.reporter.name' },
    { name: 'intake: oversized', method: 'POST', url: '/api/v1/cases', body: oversized, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    // Fastify parses text/plain as a string, which is then not an object
    { name: 'intake: plain text', method: 'POST', url: '/api/v1/cases', body: 'channel=citizen', contentType: 'text/plain', status: 400, field: 'body' },
    { name: 'intake: XML', method: 'POST', url: '/api/v1/cases', body: '<case><channel>citizen</channel></case>', contentType: 'application/xml', status: 415 },
    { name: 'intake: malformed Idempotency-Key', method: 'POST', url: '/api/v1/cases', body: json(order), headers: { 'idempotency-key': "'; DROP" }, status: 400, code: 'IDEMPOTENCY_KEY_INVALID', field: 'header.idempotency-key' },
    { name: 'intake: no login', method: 'POST', url: '/api/v1/cases', body: json(order), as: 'none', status: 401 },
    // GET /cases
    { name: 'list: unknown status', method: 'GET', url: '/api/v1/cases?status=open', status: 400, field: 'query.status.0' },
    { name: 'list: SQL as status', method: 'GET', url: `/api/v1/cases?status=${encodeURIComponent(sqlFragment)}`, status: 400, field: 'query.status.0' },
    { name: 'list: unknown channel', method: 'GET', url: '/api/v1/cases?channel=fax', status: 400, field: 'query.channel.0' },
    { name: 'list: unknown deadline', method: 'GET', url: '/api/v1/cases?deadline=purple', status: 400, field: 'query.deadline.0' },
    { name: 'list: SQL as category', method: 'GET', url: `/api/v1/cases?category=${encodeURIComponent(sqlFragment)}`, status: 400, field: 'query.category' },
    { name: 'list: limit 0', method: 'GET', url: '/api/v1/cases?limit=0', status: 400, field: 'query.limit' },
    { name: 'list: limit too big', method: 'GET', url: '/api/v1/cases?limit=100000', status: 400, field: 'query.limit' },
    { name: 'list: limit not a number', method: 'GET', url: '/api/v1/cases?limit=ten', status: 400, field: 'query.limit' },
    { name: 'list: bad from', method: 'GET', url: '/api/v1/cases?from=yesterday', status: 400, field: 'query.from' },
    { name: 'list: SQL as caller phone', method: 'GET', url: `/api/v1/cases?callerPhone=${encodeURIComponent(sqlFragment)}`, status: 400, field: 'query.callerPhone' },
    { name: 'list: text too long', method: 'GET', url: `/api/v1/cases?q=${'x'.repeat(101)}`, status: 400, field: 'query.q' },
    { name: 'list: bad cursor', method: 'GET', url: `/api/v1/cases?cursor=${encodeURIComponent(sqlFragment)}`, status: 400, field: 'query.cursor' },
    { name: 'list: unknown query', method: 'GET', url: '/api/v1/cases?orderBy=id', status: 400, field: 'query.orderBy' },
    { name: 'list: NUL in text', method: 'GET', url: '/api/v1/cases?q=%00', status: 400, field: 'query.q' },
    { name: 'list: NUL in station', method: 'GET', url: '/api/v1/cases?station=Q%00S', status: 400, field: 'query.station' },
    { name: 'list: no login', method: 'GET', url: '/api/v1/cases', as: 'none', status: 401 },
    // GET /cases/:id and /reporter
    { name: 'detail: bad uuid', method: 'GET', url: '/api/v1/cases/12345', status: 400, field: 'params.id' },
    { name: 'detail: SQL as id', method: 'GET', url: `/api/v1/cases/${encodeURIComponent(sqlFragment)}`, status: 400, field: 'params.id' },
    { name: 'detail: script as id', method: 'GET', url: `/api/v1/cases/${encodeURIComponent(script)}`, status: 400, field: 'params.id' },
    { name: 'detail: no such case', method: 'GET', url: `/api/v1/cases/${noCase}`, status: 404, code: 'CASE_NOT_FOUND' },
    { name: 'reporter: bad uuid', method: 'GET', url: '/api/v1/cases/not-a-uuid/reporter', status: 400, field: 'params.id' },
    { name: 'reporter: no such case', method: 'GET', url: `/api/v1/cases/${noCase}/reporter`, status: 404, code: 'CASE_NOT_FOUND' },
    // POST /cases/:id/actions/:action
    { name: 'action: unknown action', method: 'POST', url: '/api/v1/cases/{case}/actions/approve', body: json({}), status: 400, field: 'params.action' },
    { name: 'action: SQL as action', method: 'POST', url: `/api/v1/cases/{case}/actions/${encodeURIComponent(sqlFragment)}`, body: json({}), status: 400, field: 'params.action' },
    { name: 'action: bad uuid', method: 'POST', url: '/api/v1/cases/xyz/actions/register', body: json({}), status: 400, field: 'params.id' },
    { name: 'action: no such case', method: 'POST', url: `/api/v1/cases/${noCase}/actions/register`, body: json({}), status: 404, code: 'CASE_NOT_FOUND' },
    { name: 'action: malformed JSON', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: '{"note": ', status: 400, code: 'MALFORMED_JSON' },
    { name: 'action: array body', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json(['09001']), status: 400 },
    { name: 'action: JSON null', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: 'null', status: 400 },
    { name: 'action: wrong type', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({ categoryCode: 9001 }), status: 400, field: 'body.categoryCode' },
    { name: 'action: SQL as category', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({ categoryCode: sqlFragment }), status: 400, field: 'body.categoryCode' },
    { name: 'action: unknown field', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({ categorycode: '09001' }), status: 400, field: 'body.categorycode' },
    { name: 'action: unknown category', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({ categoryCode: '99999' }), status: 422, code: 'UNKNOWN_CATEGORY', field: 'body.categoryCode' },
    { name: 'action: script as urgency', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({ urgency: script }), status: 400, field: 'body.urgency' },
    { name: 'action: void without reason', method: 'POST', url: '/api/v1/cases/{case}/actions/void', body: json({ reason: '   ' }), status: 400, field: 'body.reason' },
    { name: 'action: NUL in reason', method: 'POST', url: '/api/v1/cases/{case}/actions/void', body: json({ reason: '重复\u0000' }), status: 400, field: 'body.reason' },
    { name: 'action: bad If-Match', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({}), headers: { 'if-match': "1' OR '1'='1" }, status: 400, field: 'header.if-match' },
    { name: 'action: stale If-Match', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: json({}), headers: { 'if-match': '99' }, status: 409, code: 'CASE_CHANGED' },
    { name: 'action: oversized', method: 'POST', url: '/api/v1/cases/{case}/actions/void', body: json({ reason: 'x'.repeat(1_100_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'action: plain text', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: 'register', contentType: 'text/plain', status: 400, field: 'body' },
    { name: 'action: XML', method: 'POST', url: '/api/v1/cases/{case}/actions/register', body: '<register/>', contentType: 'application/xml', status: 415 },
    // POST /cases/:id/joint-meetings
    { name: 'meeting: malformed JSON', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: '{', status: 400, code: 'MALFORMED_JSON' },
    { name: 'meeting: bad date', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: json({ heldAt: 'tomorrow', participants: ['CGZD'], minutes: 'x' }), status: 400, field: 'body.heldAt' },
    { name: 'meeting: nobody', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: json({ heldAt: '2026-03-09T02:00:00Z', participants: [], minutes: 'x' }), status: 400, field: 'body.participants' },
    { name: 'meeting: SQL as participant', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: json({ heldAt: '2026-03-09T02:00:00Z', participants: [sqlFragment], minutes: 'x' }), status: 400, field: 'body.participants.0' },
    { name: 'meeting: unknown field', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: json({ heldAt: '2026-03-09T02:00:00Z', participants: ['CGZD'], minutes: 'x', secret: true }), status: 400, field: 'body.secret' },
    { name: 'meeting: NUL in minutes', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: json({ heldAt: '2026-03-09T02:00:00Z', participants: ['CGZD'], minutes: '\u0000' }), status: 400, field: 'body.minutes' },
    { name: 'meeting: bad uuid', method: 'POST', url: '/api/v1/cases/1/joint-meetings', body: json({ heldAt: '2026-03-09T02:00:00Z', participants: ['CGZD'], minutes: 'x' }), status: 400, field: 'params.id' },
    { name: 'meeting: oversized', method: 'POST', url: '/api/v1/cases/{case}/joint-meetings', body: json({ heldAt: '2026-03-09T02:00:00Z', participants: ['CGZD'], minutes: 'x'.repeat(1_100_000) }), status: 413 },
    // attachments
    { name: 'upload: JSON', method: 'POST', url: '/api/v1/attachments', body: json({ file: 'aGVsbG8=' }), status: 415 },
    { name: 'upload: malformed multipart', method: 'POST', url: '/api/v1/attachments', body: 'not multipart at all', contentType: 'multipart/form-data; boundary=X', status: 400, code: 'MALFORMED_MULTIPART', field: 'body' },
    { name: 'upload: multipart without boundary', method: 'POST', url: '/api/v1/attachments', body: '--X--', contentType: 'multipart/form-data', status: 400, code: 'MALFORMED_MULTIPART', field: 'body' },
    { name: 'upload: truncated file part', method: 'POST', url: '/api/v1/attachments', body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG', contentType: 'multipart/form-data; boundary=X', status: 400, code: 'MALFORMED_MULTIPART' },
    { name: 'attach: bad uuid', method: 'POST', url: '/api/v1/cases/abc/attachments', body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nx\r\n--X--\r\n', contentType: 'multipart/form-data; boundary=X', status: 400, field: 'params.id' },
    { name: 'download: SQL as id', method: 'GET', url: `/api/v1/attachments/${encodeURIComponent(sqlFragment)}`, status: 400, field: 'params.id' },
    { name: 'download: upper-case hex', method: 'GET', url: `/api/v1/attachments/${'A'.repeat(64)}`, status: 400, field: 'params.id' },
    // stream
    { name: 'stream: bad lastEventId', method: 'GET', url: '/api/v1/stream?lastEventId=abc', status: 400, field: 'query.lastEventId' },
    { name: 'stream: negative lastEventId', method: 'GET', url: '/api/v1/stream?lastEventId=-1', status: 400, field: 'query.lastEventId' },
    { name: 'stream: unknown query', method: 'GET', url: '/api/v1/stream?since=0', status: 400, field: 'query.since' },
    // organisation
    { name: 'grids: unknown query', method: 'GET', url: '/api/v1/grids?bbox=1,2,3,4', status: 400, field: 'query.bbox' },
    { name: 'grids: station too long', method: 'GET', url: `/api/v1/grids?station=${'Q'.repeat(41)}`, status: 400, field: 'query.station' },
    { name: 'grids: NUL in station', method: 'GET', url: '/api/v1/grids?station=%00', status: 400, field: 'query.station' },
    { name: 'detail: NUL in id', method: 'GET', url: '/api/v1/cases/%00', status: 400, field: 'params.id' },
    { name: 'locate: lng 200', method: 'GET', url: '/api/v1/locate?lng=200&lat=31.68', status: 400, field: 'query.lng' },
    { name: 'locate: lat -91', method: 'GET', url: '/api/v1/locate?lng=121.47&lat=-91', status: 400, field: 'query.lat' },
    { name: 'locate: lng not a number', method: 'GET', url: '/api/v1/locate?lng=east&lat=31.68', status: 400, field: 'query.lng' },
    { name: 'locate: SQL as lat', method: 'GET', url: `/api/v1/locate?lng=121.47&lat=${encodeURIComponent(sqlFragment)}`, status: 400, field: 'query.lat' },
    { name: 'locate: Infinity', method: 'GET', url: '/api/v1/locate?lng=Infinity&lat=31.68', status: 400, field: 'query.lng' },
    { name: 'locate: missing lat', method: 'GET', url: '/api/v1/locate?lng=121.47', status: 400, field: 'query.lat' },
    { name: 'locate: unknown crs', method: 'GET', url: '/api/v1/locate?lng=121.47&lat=31.68&crs=baidu', status: 400, field: 'query.crs' },
    { name: 'locate: unknown query', method: 'GET', url: '/api/v1/locate?lng=121.47&lat=31.68&radius=5', status: 400, field: 'query.radius' },
    { name: 'locate: outside the town', method: 'GET', url: '/api/v1/locate?lng=0&lat=0', status: 422, code: 'OUTSIDE_TOWN', field: 'query.lng' },
    { name: 'stations: no login', method: 'GET', url: '/api/v1/stations', as: 'none', status: 401 },
    { name: 'no such endpoint', method: 'GET', url: '/api/v1/cases/{case}/history', status: 404 },
  ];

  async function snapshot() {
    const count = async (table: 'cases' | 'case_events' | 'attachments' | 'case_links' | 'idempotency_keys' | 'outbox' | 'joint_meetings') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await t.database.db.selectFrom('cases').select(['id', 'status', 'version', 'category_code', 'urgency', 'description', 'updated_at']).orderBy('id').execute();
    return { rows, counts: [await count('cases'), await count('case_events'), await count('attachments'), await count('case_links'), await count('idempotency_keys'), await count('outbox'), await count('joint_meetings')] };
  }

  it('answers every case with 4xx problem+json naming the field, and changes nothing', async () => {
    const before = await snapshot();
    for (const c of cases()) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url.replace('{case}', caseId),
        headers: {
          ...(c.body !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
          ...(c.as === 'none' ? {} : { cookie }),
          ...c.headers,
        },
        ...(c.body !== undefined ? { payload: c.body } : {}),
      });
      const label = `${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`;
      expect.soft(res.statusCode, label).toBe(c.status);
      expect.soft(res.headers['content-type'], label).toContain('application/problem+json');
      const body = res.json();
      expect.soft(body.code, label).toMatch(/^[A-Z][A-Z0-9_]+$/);
      if (c.code) expect.soft(body.code, label).toBe(c.code);
      expect.soft(body.status, label).toBe(c.status);
      expect.soft(body.message.zh, label).toMatch(/\p{Script=Han}/u);
      expect.soft(body.message.en, label).toMatch(/[A-Za-z]/);
      expect.soft(Array.isArray(body.errors), label).toBe(true);
      if (c.status === 400) expect.soft(body.errors.length, label).toBeGreaterThan(0);
      for (const e of body.errors as Array<{ field: string; message: { zh: string; en: string } }>) {
        expect.soft(e.field, label).toMatch(/^(body|query|params|header|content-type)\b/);
        expect.soft(e.message.zh, label).toBeTruthy();
        expect.soft(e.message.en, label).toBeTruthy();
      }
      if (c.field) expect.soft(body.errors.map((e: { field: string }) => e.field), label).toContain(c.field);
      expect.soft(res.body, label).not.toMatch(/at .*\.[jt]s:\d+/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores SQL and script fragments verbatim as text, returns them as JSON, and finds them as text', async () => {
    const before = (await snapshot()).counts[0]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie },
      payload: { channel: 'citizen', description: `${sqlFragment} ${script}`, address: script, externalId: sqlFragment, reporter: { name: script } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    const id: string = res.json().id;
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie } });
    expect(detail.json()).toMatchObject({ description: `${sqlFragment} ${script}`, address: script, externalId: sqlFragment });
    expect(detail.headers['content-type']).toContain('application/json');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/reporter`, headers: { cookie } })).json().name).toBe(script);
    // one case more, and every other case is still there
    expect((await snapshot()).counts[0]).toBe(before + 1);
    // searching with the fragments finds exactly that case and nothing else (no OR 1=1)
    for (const q of [sqlFragment, script, "%' OR '1'='1", '_']) {
      const list = await t.app.inject({ method: 'GET', url: `/api/v1/cases?q=${encodeURIComponent(q)}`, headers: { cookie } });
      expect(list.statusCode, q).toBe(200);
      const ids = list.json().items.map((i: { id: string }) => i.id);
      if (q === "%' OR '1'='1") expect(ids, q).toEqual([]);
      else if (q === '_') expect(ids.length, q).toBeLessThanOrEqual(before + 1);
      else expect(ids, q).toEqual([id]);
    }
    // the same fragments in an action's text
    const voided = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/void`, headers: { cookie }, payload: { reason: `${sqlFragment}${script}` } });
    expect(voided.statusCode).toBe(200);
    expect(voided.json().events.at(-1).reason).toBe(`${sqlFragment}${script}`);
    expect((await snapshot()).counts[0]).toBe(before + 1);
  });
});
