/**
 * What the history seeder needs of the loaded town, read once: the catalogue and its weights per
 * channel, the grids with a way to draw a point inside each, the people who act (by role, station,
 * grid and unit, named as the record names them), each unit's habits (how punctual, how often it
 * returns, reworks, asks for more time) and a pool of fictional callers with encrypted contacts.
 */
import type { Kysely } from 'kysely';
import type { Actor as CaseActor, Channel } from '../../domain/case/index.js';
import { bboxOf, toMultiPolygon, type BBox, type PolygonalGeometry } from '../../domain/geo/index.js';
import type { Category } from '../../domain/profile/schema.js';
import { categoryWeights } from '../../domain/traffic/case-mix.js';
import { measuredOnly } from '../../domain/traffic/device-pick.js';
import { channelMix } from '../../domain/traffic/traffic-shape.js';
import type { Random } from '../../domain/traffic/random.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { NewCaseEvent } from '../db/repositories/case-event-repository.js';
import { listGrids } from '../db/repositories/organisation-repository.js';
import { listPersonnel, type PersonnelRow } from '../db/repositories/personnel-repository.js';
import { listUsers } from '../db/repositories/user-repository.js';
import type { DB } from '../db/schema.js';
import type { TownSnapshot } from '../services/town-snapshot.js';

/** One person as the machine judges them and as the record names them. */
export interface SeedActor {
  record: NewCaseEvent['actor'];
  machine: CaseActor;
}

export interface SeedGrid {
  code: string;
  name: string;
  stationCode: string;
  box: BBox;
}

/** How a unit tends to work; drawn once per run from the seed, so units differ in the assessments. */
export interface UnitHabits {
  /** chance a step is done within its limit */
  punctual: number;
  returnRate: number;
  reworkRate: number;
  extendRate: number;
}

export interface Caller {
  nameEnc: string;
  phoneEnc: string;
  phoneIdx: string;
}

export interface SeedTown {
  snapshot: TownSnapshot;
  townId: string;
  categories: Category[];
  weightsByChannel: Map<Channel, number[]>;
  grids: SeedGrid[];
  dispatchers: SeedActor[];
  coordinators: SeedActor[];
  leaders: SeedActor[];
  supervisors: SeedActor[];
  inspectorsByGrid: Map<string, SeedActor[]>;
  inspectorsByStation: Map<string, SeedActor[]>;
  chiefsByStation: Map<string, SeedActor>;
  handlersByUnit: Map<string, SeedActor[]>;
  habits: Map<string, UnitHabits>;
  callers: Caller[];
  /** recurring spots of persistent problems (顽症 come back to the same place) */
  hotspots: Map<string, Array<{ grid: SeedGrid; lng: number; lat: number }>>;
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenNames = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '国强', '美玲', '志明', '玉兰', '海燕', '小红', '金凤', '建国', '文华'];

function roleOf(p: PersonnelRow): CaseActor['role'] | null {
  if (p.group_code === 'platform') return 'dispatcher';
  if (p.group_code === 'command') return 'coordinator';
  if (p.group_code === 'supervision' && !p.position.includes('审计')) return 'supervisor';
  if (p.department_code === 'CENTER') return 'leader';
  if (p.station_code) return p.position.includes('站长') && !p.position.includes('副') ? 'station_chief' : p.position.includes('巡查') ? 'inspector' : null;
  if (p.department_code) return 'department_handler';
  return null;
}

/** People become actors; a person with an account acts under it, as the live loop records them. */
function actorsOf(people: PersonnelRow[], accounts: Map<string, { id: string; username: string }>, town: TownSnapshot): Array<{ person: PersonnelRow; actor: SeedActor }> {
  const out: Array<{ person: PersonnelRow; actor: SeedActor }> = [];
  for (const p of people) {
    const role = roleOf(p);
    if (!role) continue;
    const account = accounts.get(p.code);
    let departmentCode = role === 'department_handler' ? p.department_code : null;
    if (role === 'station_chief') departmentCode = [...town.units.values()].find((u) => u.kind === 'station_team' && u.stationCode === p.station_code)?.code ?? null;
    out.push({
      person: p,
      actor: {
        record: { type: 'user', id: account?.id ?? `personnel:${p.code}`, name: account ? `${p.name}（${account.username}）` : p.name, role },
        machine: { userId: account?.id ?? p.code, role, stationCode: p.station_code, departmentCode },
      },
    });
  }
  return out;
}

function habitsFor(random: Random): UnitHabits {
  return {
    punctual: 0.82 + random.next() * 0.16,
    returnRate: 0.02 + random.next() * 0.1,
    reworkRate: 0.03 + random.next() * 0.12,
    extendRate: 0.01 + random.next() * 0.07,
  };
}

function callerPool(random: Random, cipher: FieldCipher, size: number): Caller[] {
  const out: Caller[] = [];
  for (let i = 0; i < size; i++) {
    const name = `${random.pick([...surnames])}${random.chance(0.4) ? '先生' : random.chance(0.5) ? '女士' : random.pick(givenNames)}`;
    const phone = `1${random.pick(['3', '5', '8'])}${String(random.int(1e9)).padStart(9, '0')}`;
    out.push({ nameEnc: cipher.encrypt(name), phoneEnc: cipher.encrypt(phone), phoneIdx: cipher.blindIndex(phone, 'phone') });
  }
  return out;
}

/** A point inside a grid: drawn in its box until the town's grid index puts it in that grid. */
export function pointIn(town: SeedTown, grid: SeedGrid, random: Random): [number, number] {
  const { box } = grid;
  for (let i = 0; i < 200; i++) {
    const lng = Math.round((box.minLng + random.next() * (box.maxLng - box.minLng)) * 1e7) / 1e7;
    const lat = Math.round((box.minLat + random.next() * (box.maxLat - box.minLat)) * 1e7) / 1e7;
    if (town.snapshot.gridIndex.locate(lng, lat)?.gridCode === grid.code) return [lng, lat];
  }
  throw new Error(`no point found inside grid ${grid.code}`);
}

export async function loadSeedTown(db: Kysely<DB>, townId: string, snapshot: TownSnapshot, cipher: FieldCipher, random: Random): Promise<SeedTown> {
  const [people, users, gridRows] = await Promise.all([listPersonnel(db, townId), listUsers(db, townId, { active: true }), listGrids(db, townId)]);
  const accounts = new Map(users.filter((u) => u.personnel_code).map((u) => [u.personnel_code!, { id: u.id, username: u.username }]));
  const actors = actorsOf(people, accounts, snapshot);
  const byRole = (role: CaseActor['role']) => actors.filter((a) => a.actor.machine.role === role).map((a) => a.actor);
  const categories = [...snapshot.categories.values()].sort((a, b) => a.code.localeCompare(b.code));
  const grids: SeedGrid[] = gridRows
    .map((g) => {
      const box = bboxOf(toMultiPolygon(JSON.parse(g.geometry) as PolygonalGeometry));
      return { code: g.code, name: g.name, stationCode: g.station_code, box };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  if (grids.length === 0) throw new Error('the town has no grids');

  const inspectorsByGrid = new Map<string, SeedActor[]>();
  const inspectorsByStation = new Map<string, SeedActor[]>();
  const chiefsByStation = new Map<string, SeedActor>();
  const handlersByUnit = new Map<string, SeedActor[]>();
  const push = <K>(map: Map<K, SeedActor[]>, key: K, a: SeedActor) => map.set(key, [...(map.get(key) ?? []), a]);
  for (const { person, actor } of actors) {
    const role = actor.machine.role;
    if (role === 'inspector' && person.station_code) {
      push(inspectorsByStation, person.station_code, actor);
      for (const grid of JSON.parse(person.grids) as string[]) push(inspectorsByGrid, grid, actor);
    }
    if (role === 'station_chief' && person.station_code && !chiefsByStation.has(person.station_code)) chiefsByStation.set(person.station_code, actor);
    if (role === 'department_handler' && person.department_code) push(handlersByUnit, person.department_code, actor);
  }

  const habits = new Map<string, UnitHabits>();
  for (const code of [...snapshot.units.keys()].sort()) habits.set(code, habitsFor(random));
  const weightsByChannel = new Map<Channel, number[]>();
  for (const channel of Object.keys(channelMix) as Channel[]) {
    const weights = categoryWeights(channel, categories);
    // sensor reports come from sensors the town has (devices.yaml) when it has any that measure them
    weightsByChannel.set(channel, channel === 'sensor' ? measuredOnly(weights, categories, snapshot.devices) : weights);
  }

  const town: SeedTown = {
    snapshot,
    townId,
    categories,
    weightsByChannel,
    grids,
    dispatchers: byRole('dispatcher'),
    coordinators: byRole('coordinator'),
    leaders: byRole('leader'),
    supervisors: byRole('supervisor'),
    inspectorsByGrid,
    inspectorsByStation,
    chiefsByStation,
    handlersByUnit,
    habits,
    callers: callerPool(random, cipher, 3000),
    hotspots: new Map(),
  };
  for (const c of categories.filter((x) => x.persistent)) {
    town.hotspots.set(
      c.code,
      Array.from({ length: 12 }, () => {
        const grid = random.pick(grids);
        const [lng, lat] = pointIn(town, grid, random);
        return { grid, lng, lat };
      }),
    );
  }
  return town;
}
