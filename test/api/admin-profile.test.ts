/**
 * Administration of the town's organisation (GET /admin/profile, PUT /admin/profile/:section) on the
 * Dongping profile: a valid edit of each kind takes effect at once (routing, organisation pages,
 * locate); an invalid one is refused with every problem at its document path and changes nothing; a
 * stale base hash is a 409; only the system administrator may read or write; every change is audited
 * and leaves profile history; and `cityops profile load` afterwards still works and is idempotent.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/domain/profile/schema.js';
import { loadProfileDir } from '../../src/server/commands/load-profile-dir.js';
import { countHistory } from '../../src/server/db/repositories/profile-repository.js';
import { profileContentHash } from '../../src/server/profile/profile-hash.js';
import { type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { expectDocumented } from '../openapi.js';
import { dongpingDir, dongpingProfile, dongpingTestApp, dongpingUsers, pointInDongfeng } from '../dongping.js';

type Json = Record<string, unknown>;
interface AdminProfile {
  hash: string;
  loadedBy: string;
  profile: Profile;
  dutyLists: Record<string, { owns: string[]; leads: string[]; assists: string[] }>;
}
interface FieldError {
  field: string;
  message: { zh: string; en: string };
}

const townId = '310151115';
const users: TestUser[] = [...dongpingUsers, { username: 'admin', role: 'system_admin' }, { username: 'securityadmin', role: 'security_admin' }];

describe(`administration of the profile (${dialectUnderTest})`, () => {
  const { t, cookies } = dongpingTestApp({ users, now: '2026-03-02T01:00:00.000Z', timeoutMs: 60_000 });

  const get = (url: string, who = 'admin') => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const put = (section: string, payload: unknown, who = 'admin') =>
    t.app.inject({ method: 'PUT', url: `/api/v1/admin/profile/${section}`, headers: { cookie: cookies[who]! }, payload: payload as Json });
  const current = async (): Promise<AdminProfile> => {
    const res = await get('/api/v1/admin/profile');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as AdminProfile;
  };
  /** edits a section of the current document and saves it; the answer is checked by the caller */
  const edit = async <K extends keyof Profile>(section: string, key: K, change: (value: Profile[K]) => void) => {
    const doc = await current();
    const value = structuredClone(doc.profile[key]);
    change(value);
    return put(section, { baseHash: doc.hash, content: value });
  };
  const tableSnapshot = async () => ({
    categories: await t.database.db.selectFrom('categories').selectAll().where('town_id', '=', townId).orderBy('code').execute(),
    grids: await t.database.db.selectFrom('grids').select(['code', 'name', 'station_code', 'geometry']).where('town_id', '=', townId).orderBy('code').execute(),
    history: await countHistory(t.database.db, townId),
  });
  const intakeLead = async (categoryCode: string): Promise<string | null> => {
    const payload = { channel: 'hotline_12345', categoryCode, description: '有人反映此处问题需要处理', location: pointInDongfeng };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    return (res.json().routing as { leadUnit: string | null } | null)?.leadUnit ?? null;
  };

  it('gives the system administrator the whole document with its hash and the derived duty lists', async () => {
    const doc = await current();
    expect(doc.hash).toBe('test-profile');
    expect(doc.loadedBy).toBe('test');
    const dongping = await dongpingProfile();
    expect(profileContentHash(doc.profile)).toBe(profileContentHash(dongping));
    expect(doc.profile.grids).toHaveLength(48);
    expect(doc.dutyLists.CGZD!.owns).toContain('09001');
    // staff phones are in it unmasked, and that read is recorded
    expect(doc.profile.personnel[0]!.phone).not.toContain('*');
    const reads = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.read').where('actor_name', '=', 'admin').execute();
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses every other role, the security and audit administrators included', async () => {
    for (const who of ['dispatcher', 'leader', 'securityadmin', 'auditor']) {
      const read = await get('/api/v1/admin/profile', who);
      expect(read.statusCode, who).toBe(403);
      expect(read.json().permission).toBe('profile:read_document');
      const write = await put('rules', { baseHash: 'test-profile', content: {} }, who);
      expect(write.statusCode, who).toBe(403);
      expect(write.json().permission).toBe('profile:update');
    }
    const denied = await t.database.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'access.denied').execute();
    expect(denied.map((d) => d.actor_name)).toEqual(expect.arrayContaining(['dispatcher', 'securityadmin']));
  });

  it("a category's new owner takes the next intake of that category, and the duty lists follow", async () => {
    const before = await current();
    // a category routed by its owner alone (谁主管谁办理), whose owner owns others too (so it still owns something)
    const owners = new Map<string, number>();
    for (const c of before.profile.categories) owners.set(c.owner, (owners.get(c.owner) ?? 0) + 1);
    const cat = before.profile.categories.find((c) => !c.lead && !c.stationLevel && c.assists.length === 0 && (owners.get(c.owner) ?? 0) > 1)!;
    const newOwner = cat.owner === 'SCS' ? 'CGZD' : 'SCS';
    expect(await intakeLead(cat.code)).toBe(cat.owner);

    const res = await edit('categories', 'categories', (cats) => {
      cats.find((c) => c.code === cat.code)!.owner = newOwner;
    });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.json()).toMatchObject({ changed: true, changes: { categories: { inserted: 0, updated: 1, deactivated: 0 } } });
    expect(res.json().hash).not.toBe(before.hash);

    expect(await intakeLead(cat.code)).toBe(newOwner);
    const after = await current();
    expect(after.hash).toBe(res.json().hash);
    expect(after.loadedBy).toBe('user:admin');
    expect(after.dutyLists[newOwner]!.owns).toContain(cat.code);
    const departments = (await get('/api/v1/departments', 'dispatcher')).json() as Array<{ code: string; duties: { owns: string[] } }>;
    expect(departments.find((d) => d.code === newOwner)!.duties.owns).toContain(cat.code);

    // audited: who, which section, old hash → new hash, counts
    const audit = await get('/api/v1/audit?action=profile.update', 'auditor');
    const row = (audit.json().items as Array<Json>)[0]!;
    expect(row).toMatchObject({ actorName: 'admin', outcome: 'success', resourceType: 'profile_section', resourceId: 'categories' });
    expect(row.detail).toEqual({ section: 'categories', oldHash: before.hash, newHash: after.hash, changes: { categories: { inserted: 0, updated: 1, deactivated: 0 } } });
    // and it left profile history by the administrator
    const history = await t.database.db.selectFrom('profile_history').selectAll().where('changed_by', '=', 'user:admin').execute();
    expect(history.map((h) => [h.entity, h.code, h.change, h.profile_hash])).toEqual([['categories', cat.code, 'update', after.hash]]);
  });

  it('a renamed grid shows in GET /grids and /locate at once; a station, department, person, shift and holiday edit each land', async () => {
    const located = (await get(`/api/v1/locate?lng=${pointInDongfeng.lng}&lat=${pointInDongfeng.lat}`, 'dispatcher')).json() as { gridCode: string };
    const renamed = await edit('grids', 'grids', (grids) => {
      grids.find((g) => g.properties.code === located.gridCode)!.properties.name = '森林公园门口网格';
    });
    expect(renamed.statusCode, renamed.body.slice(0, 400)).toBe(200);
    const grids = (await get('/api/v1/grids', 'dispatcher')).json() as { features: Array<{ properties: { code: string; name: string } }> };
    expect(grids.features.find((f) => f.properties.code === located.gridCode)!.properties.name).toBe('森林公园门口网格');
    const again = (await get(`/api/v1/locate?lng=${pointInDongfeng.lng}&lat=${pointInDongfeng.lat}`, 'dispatcher')).json();
    expect(again.gridName).toBe('森林公园门口网格');

    // the stations section is { stations, stationAreas }, not the bare list
    expect((await edit('stations', 'stations', () => undefined)).statusCode).toBe(422);
    const doc = await current();
    const stations = structuredClone({ stations: doc.profile.stations, stationAreas: doc.profile.stationAreas });
    stations.stations.find((s) => s.code === 'HBY')!.validTo = '2021-08-15';
    const stationRes = await put('stations', { baseHash: doc.hash, content: stations });
    expect(stationRes.statusCode, stationRes.body.slice(0, 400)).toBe(200);
    const hby = ((await get('/api/v1/stations', 'dispatcher')).json() as Array<{ code: string; validTo: string | null }>).find((s) => s.code === 'HBY');
    expect(hby?.validTo).toBe('2021-08-15');

    const dept = await edit('departments', 'departments', (ds) => {
      ds.find((d) => d.code === 'CGZD')!.phone = '021-59679999';
    });
    expect(dept.statusCode, dept.body.slice(0, 400)).toBe(200);
    const cgzd = ((await get('/api/v1/departments', 'dispatcher')).json() as Array<{ code: string; phone: string | null }>).find((d) => d.code === 'CGZD');
    expect(cgzd?.phone).toBe('021-59679999');

    const person = await edit('personnel', 'personnel', (ps) => {
      ps[0]!.position = '调度长';
    });
    expect(person.statusCode, person.body.slice(0, 400)).toBe(200);
    const roster = await edit('roster', 'roster', (r) => {
      r.shifts.find((s) => s.code === 'S')!.end = '17:30';
    });
    expect(roster.statusCode, roster.body.slice(0, 400)).toBe(200);
    expect(roster.json().changes).toEqual({ roster_shifts: { inserted: 0, updated: 1, deactivated: 0 } });
    const holiday = await edit('holidays', 'holidays', (hs) => {
      hs.push({ date: '2026-03-03', type: 'holiday', name: '镇庆' });
    });
    expect(holiday.statusCode, holiday.body.slice(0, 400)).toBe(200);
    expect(holiday.json().changes).toEqual({ holidays: { inserted: 1, updated: 0, deactivated: 0 } });

    // the same content again changes nothing and keeps the hash
    const unchanged = await edit('rules', 'rules', () => undefined);
    expect(unchanged.json()).toMatchObject({ changed: false, changes: {}, hash: (await current()).hash });
  });

  it('refuses invalid edits with every problem at its path, in Chinese and English, and changes nothing', async () => {
    const before = await current();
    const tables = await tableSnapshot();
    const cases: Array<{ section: string; mutate: (p: Profile) => unknown; fields: RegExp[] }> = [
      {
        // schema: the file's own rules
        section: 'departments',
        mutate: (p) => p.departments.map((d, i) => (i === 1 ? { ...d, phone: 'abc', kind: 'club' } : d)),
        fields: [/^departments\[1\]\.phone$/, /^departments\[1\]\.kind$/],
      },
      {
        // across files: a category whose owner does not exist
        section: 'categories',
        mutate: (p) => p.categories.map((c, i) => (i === 3 ? { ...c, owner: 'NOSUCH' } : c)),
        fields: [/^categories\[3\]\.owner$/],
      },
      {
        // a time limit that is not a positive amount
        section: 'categories',
        mutate: (p) => p.categories.map((c, i) => (i === 0 ? { ...c, limits: [{ ...c.limits[0]!, steps: { ...c.limits[0]!.steps, handle: { amount: 0, unit: 'workDay' } } }] } : c)),
        fields: [/^categories\[0\]\.limits\[0\]\.steps\.handle\.amount$/],
      },
      {
        // a roster naming unknown personnel
        section: 'roster',
        mutate: (p) => ({ ...p.roster, rota: p.roster.rota.map((r, i) => (i === 0 ? { ...r, personnel: ['P999'] } : r)) }),
        fields: [/^roster\.rota\[0\]\.personnel\[0\]$/],
      },
      {
        // a grid laid over its neighbour (overlap) and one moved out of the town
        section: 'grids',
        mutate: (p) =>
          p.grids.map((g, i) => (i === 1 ? { ...g, geometry: p.grids[0]!.geometry } : i === 2 ? { ...g, geometry: { type: 'Polygon', coordinates: [[[120, 30], [120.01, 30], [120.01, 30.01], [120, 30]]] } } : g)),
        fields: [/^grids\[1\]\.geometry$/, /^grids\[2\]\.geometry$/],
      },
      {
        section: 'holidays',
        mutate: (p) => [...p.holidays, { date: '2026/03/01', type: 'holiday', name: '' }],
        fields: [new RegExp(`^holidays\\[${before.profile.holidays.length}\\]\\.date$`), new RegExp(`^holidays\\[${before.profile.holidays.length}\\]\\.name$`)],
      },
    ];
    for (const c of cases) {
      const res = await put(c.section, { baseHash: before.hash, content: c.mutate(structuredClone(before.profile)) });
      expect(res.statusCode, `${c.section}: ${res.body.slice(0, 400)}`).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as { code: string; errors: FieldError[] };
      expect(body.code).toBe('PROFILE_INVALID');
      for (const field of c.fields) {
        const hit = body.errors.find((e) => field.test(e.field));
        expect(hit, `${c.section}: ${field} in ${JSON.stringify(body.errors.map((e) => e.field))}`).toBeDefined();
        expect(hit!.message.zh).toMatch(/\p{Script=Han}/u);
        expect(hit!.message.en).toMatch(/[a-z]/);
        expect(hit!.message.en).not.toMatch(/\p{Script=Han}.*\(/u);
      }
    }
    const owner = (await put('categories', { baseHash: before.hash, content: cases[1]!.mutate(structuredClone(before.profile)) })).json() as { errors: FieldError[] };
    expect(owner.errors).toContainEqual({ field: 'categories[3].owner', message: { zh: '部门 NOSUCH 不存在', en: 'unknown department NOSUCH' } });
    // a section name that does not exist is a bad request, not a problem of the profile
    expect((await put('town', { baseHash: before.hash, content: {} })).statusCode).toBe(400);

    expect((await current()).hash).toBe(before.hash);
    expect(await tableSnapshot()).toEqual(tables);
  });

  it('a stale base hash is a 409 that changes nothing', async () => {
    const doc = await current();
    const tables = await tableSnapshot();
    const stale = await put('departments', { baseHash: 'test-profile', content: doc.profile.departments });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'PROFILE_CHANGED', currentHash: doc.hash });
    expect(stale.json().message.zh).toContain('他人修改');
    expect(await tableSnapshot()).toEqual(tables);
  });

  it('of two edits made on the same version at once, one is saved and the other told to reload', async () => {
    const doc = await current();
    const phones = ['021-59671111', '021-59672222'];
    const results = await Promise.all(
      phones.map((phone) => put('departments', { baseHash: doc.hash, content: doc.profile.departments.map((d) => (d.code === 'SCS' ? { ...d, phone } : d)) })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const saved = phones[results.findIndex((r) => r.statusCode === 200)];
    expect((await current()).profile.departments.find((d) => d.code === 'SCS')!.phone).toBe(saved);
  });

  it('is in the OpenAPI document', async () => {
    await expectDocumented(t.app, { '/api/v1/admin/profile': ['get'], '/api/v1/admin/profile/{section}': ['put'] });
  });

  it('`cityops profile load` after console edits loads the directory again, then reports no change', async () => {
    const edited = await current();
    const first = await loadProfileDir(t.database, dongpingDir, { at: '2026-03-02T02:00:00.000Z', by: 'cli:profile-load' });
    expect(first.result?.changed).toBe(true);
    expect(first.result?.documentStored).toBe(true);
    const reloaded = await current();
    expect(reloaded.hash).not.toBe(edited.hash);
    expect(reloaded.hash).toBe(profileContentHash(await dongpingProfile()));
    expect(reloaded.loadedBy).toBe('cli:profile-load');
    const history = await countHistory(t.database.db, townId);
    const second = await loadProfileDir(t.database, dongpingDir, { at: '2026-03-02T03:00:00.000Z', by: 'cli:profile-load' });
    expect(second.result).toMatchObject({ changed: false, documentStored: false });
    expect(await countHistory(t.database.db, townId)).toBe(history);
    // and the console edits on top of what the CLI loaded
    const res = await edit('departments', 'departments', (ds) => {
      ds.find((d) => d.code === 'CGZD')!.phone = '021-59670000';
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  });
});
