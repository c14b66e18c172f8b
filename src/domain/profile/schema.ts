/**
 * The town profile: everything a town edits as data (MISSION R1, R3, R5, R7).
 * One source of truth for the profile's shape: the loader, the validator, the routing rules and the
 * SLA arithmetic all read these types. Files in a profile directory:
 *   town.yaml          town, stations (incl. temporary ones), the center's groups
 *   boundary.geojson   the town's outline (Feature, Polygon or MultiPolygon, WGS84)
 *   stations.geojson   one Feature per station area, properties.code = station code
 *   grids.geojson      unit grids, properties { code (15 digits), name, stationCode }
 *   departments.yaml   units with duty lists (主管/牵头/协办), on-site tasks, joint seats
 *   organization.yaml  personnel with positions and phones
 *   roster.yaml        shifts and the duty roster (7×24)
 *   categories.yaml    the two-level category catalogue with owners, urgencies and time limits
 *   holidays.yaml      dated overrides of the built-in Chinese calendar
 *   rules.yaml         routing, deadline, duplicate and recurring-problem thresholds
 *   demo-users.yaml    demo accounts, created only outside production
 *   devices.yaml       (optional) the town's cameras and sensors: each device's id is the cameraId /
 *                      deviceId its alarms carry on the video_patrol, video_ai and sensor channels;
 *                      kind camera | sensor, a name, [lng, lat] WGS84 inside the boundary, the grid
 *                      (derived from the location when left out, checked against it when given) and,
 *                      for a sensor, what it measures (the metric names of domain/traffic/case-mix.ts
 *                      sensorMetrics: 外河水位, 积水深度, 井盖倾角, 噪声, PM10 …). A town without the file has
 *                      no devices; a device's state (normal / alarm) is derived from its open cases.
 */
import { z } from 'zod';
import { channels, dissatisfiedCauses, type Channel } from '../case/vocabulary.js';

/** a calendar date that exists (2026-13-01 and 2026-02-30 do not) */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'no such date');
/** Mainland mobile (1[3-9]xxxxxxxxx), landline with area code (0xx-xxxxxxx[x]), or a short service number (110, 12345). */
export const phoneNumber = z
  .string()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|1\d{2}|1\d{4}|400-?\d{3}-?\d{4})$/, 'not a phone number');
const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'codes are letters, digits, - and _');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const centerGroupCodes = ['admin', 'platform', 'command', 'supervision', 'team', 'emergency'] as const;

export const stationSchema = z.strictObject({
  code,
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** the neighbourhood committee (a department code) whose secretary chairs the station */
  committee: code.optional(),
  temporary: z.boolean().default(false),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  /** a temporary station takes these grids over from their permanent station while it is valid */
  takesOverGrids: z.array(z.string()).default([]),
  address: z.string().optional(),
  phone: phoneNumber.optional(),
});

export const townFileSchema = z.strictObject({
  town: z.strictObject({
    code: z.string().regex(/^\d{9}$/, 'a town code has 9 digits (统计用区划代码)'),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    district: z.strictObject({ code: z.string().regex(/^\d{6}$/), name: z.string() }),
    timezone: z.string().default('Asia/Shanghai'),
    areaKm2: z.number().positive().optional(),
    /** [lng, lat] WGS84 */
    center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    illustrativeGeometry: z.boolean().default(false),
  }),
  stations: z.array(stationSchema).min(1),
  centerGroups: z
    .array(z.strictObject({ code: z.enum(centerGroupCodes), name: z.string(), duties: z.string().optional() }))
    .min(1),
});

export const departmentKinds = [
  'center', // 城运中心 itself
  'enforcement', // 执法: 派出所, 城管中队, 市场所, 安监所 …
  'management', // 管理: 规保办, 规土所, 经济办, 市容所 …
  'utility', // 水务, 环卫, 供电 …
  'property', // 物业
  'committee', // 居委会
  'station_team', // a station's own forces (特保, 环卫, 物业, 河道保洁)
  'contractor', // 第三方兜底单位
] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export const departmentSchema = z.strictObject({
  code,
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: z.enum(departmentKinds),
  /** for station teams and committees: the station they belong to */
  stationCode: code.optional(),
  /** stationed in the center (联合坐席) */
  jointSeat: z.boolean().default(false),
  phone: phoneNumber.optional(),
  /**
   * 现场任务清单. The duty list (主管/牵头/协办) is NOT written here: it is derived from the category
   * catalogue (owner / lead / assists), the one source of truth, so the two can never disagree.
   */
  tasks: z.array(z.string()).default([]),
  /** stations this department keeps a liaison with (联系制) */
  liaisonStations: z.array(code).default([]),
  /** the fallback contractor takes what nobody else can (第三方兜底) */
  fallback: z.boolean().default(false),
});
export const departmentsFileSchema = z.strictObject({ departments: z.array(departmentSchema).min(1) });

export const personSchema = z.strictObject({
  code,
  name: z.string().min(1),
  position: z.string().min(1),
  /** exactly one of group / department / station says where the person works */
  group: z.enum(centerGroupCodes).optional(),
  department: code.optional(),
  station: code.optional(),
  phone: phoneNumber,
  /** grids an inspector patrols */
  grids: z.array(z.string()).default([]),
});
export const organizationFileSchema = z.strictObject({ personnel: z.array(personSchema).min(1) });

export const rosterFileSchema = z.strictObject({
  shifts: z.array(z.strictObject({ code, name: z.string(), start: hhmm, end: hhmm })).min(1),
  /** weekly pattern, weekday 1 = Monday … 7 = Sunday */
  rota: z
    .array(
      z.strictObject({
        weekdays: z.array(z.number().int().min(1).max(7)).min(1),
        shift: code,
        group: z.enum(centerGroupCodes).optional(),
        station: code.optional(),
        personnel: z.array(code).min(1),
        leader: code.optional(),
      }),
    )
    .min(1),
});

export const timeUnits = ['workHour', 'workDay', 'hour', 'day'] as const;
/** A time limit: working hours/days follow the calendar; hour/day are natural (continuous) time, used for urgent cases. */
export const timeLimitSchema = z.strictObject({ amount: z.number().positive(), unit: z.enum(timeUnits) });
export type TimeLimit = z.infer<typeof timeLimitSchema>;

export const slaSteps = ['dispatch', 'accept', 'handle', 'verify', 'visit'] as const;
export type SlaStep = (typeof slaSteps)[number];

export const urgencies = ['urgent', 'normal'] as const;
export type Urgency = (typeof urgencies)[number];

export const categoryLimitSchema = z.strictObject({
  urgency: z.enum(urgencies),
  /** 立案条件 */
  registerCondition: z.string().min(1),
  /** 结案条件 */
  closeCondition: z.string().min(1),
  steps: z.strictObject({
    dispatch: timeLimitSchema,
    accept: timeLimitSchema,
    handle: timeLimitSchema,
    verify: timeLimitSchema,
    visit: timeLimitSchema,
  }),
});

export const categorySchema = z.strictObject({
  /** GB/T 47678.5-2026 five-digit code (major 2 + minor 3) */
  code: z.string().regex(/^\d{5}$/, 'a category code has 5 digits (GB/T 47678.5-2026)'),
  kind: z.enum(['部件', '事件']),
  majorCode: z.string().regex(/^\d{2}$/),
  majorName: z.string().min(1),
  name: z.string().min(1),
  /** the older CJ/T 214 / GB/T 30428.2 four-digit code, where one exists */
  legacyCode: z.string().regex(/^\d{4}$/).optional(),
  /** 主管: the department dispatched automatically (谁主管谁办理) */
  owner: code,
  /** cross-department categories: the lead unit (谁牵头谁办理) and its assistants */
  lead: code.optional(),
  assists: z.array(code).default([]),
  /** handled by the station's own forces first (小联勤联动) */
  stationLevel: z.boolean().default(false),
  /** a persistent problem (顽症) under the seed's accountability rule: 违法建筑, 河道污染, 群租, 无序设摊 */
  persistent: z.boolean().default(false),
  keywords: z.array(z.string().min(1)).min(1),
  limits: z.array(categoryLimitSchema).min(1),
});
export type Category = z.infer<typeof categorySchema>;
export const categoriesFileSchema = z.strictObject({ categories: z.array(categorySchema).min(1) });

export const holidaysFileSchema = z.strictObject({
  /** dated overrides of the built-in calendar: a holiday, or a make-up working day (调休) */
  overrides: z.array(
    z.strictObject({ date: isoDate, type: z.enum(['holiday', 'workday']), name: z.string().min(1) }),
  ),
});

/** The rates the annual score weighs (keys of the unit indicators' rates, domain/assessment). */
export const scoredRates = ['onTimeClosure', 'closure', 'acceptOnTime', 'handleOnTime', 'satisfaction', 'rework', 'return', 'extension', 'proactive'] as const;
export type ScoredRate = (typeof scoredRates)[number];

const bonusRule = z.strictObject({ points: z.number().min(0), max: z.number().min(0) });

/**
 * 城市运行管理绩效年度考核 (the town's plan §八1): a weighted score of the indicators, the last
 * place vetoed in the town's annual evaluation, 约谈 for dissatisfied visits caused by poor handling
 * or falsification, accountability for persistent problems found late or left unresolved, and bonus
 * points for units that lead joint cases or find problems themselves.
 */
export const assessmentRulesSchema = z.strictObject({
  /** weight of each rate in the 100-point score; a rate with nothing to count shares its weight among the others */
  weights: z.partialRecord(z.enum(scoredRates), z.number().min(0)).refine((w) => Object.values(w).some((v) => (v ?? 0) > 0), 'at least one weight must be positive'),
  /** units dispatched fewer cases in the year are listed but not ranked */
  minimumDispatched: z.number().int().min(0).default(10),
  /** department kinds that are assessed (the center itself is not) */
  assessedKinds: z.array(z.enum(departmentKinds)).min(1).default(['enforcement', 'management', 'utility', 'property', 'committee', 'station_team', 'contractor']),
  /** 一票否决: how many of the last places are vetoed */
  veto: z.strictObject({ lastPlaces: z.number().int().min(0).default(1) }),
  interview: z.strictObject({
    /** the causes of a dissatisfied visit that lead to an interview */
    causes: z.array(z.enum(dissatisfiedCauses)).min(1).default(['poor_handling', 'falsified']),
    /** how many such visits in the year put a unit on the list */
    minimum: z.number().int().min(1).default(1),
    /** 分管领导 who holds the interview (personnel codes): one for all, and exceptions by unit */
    leader: code,
    leaderByUnit: z.record(code, code).default({}),
  }),
  accountability: z.strictObject({
    /** a persistent problem first heard through these channels was found late (the public saw it first) */
    lateChannels: z.array(z.enum(channels)).min(1).default(['hotline_12345', 'hotline_12319', 'police_110', 'citizen', 'leader']),
  }),
  bonus: z.strictObject({
    /** per cross-department case led (谁牵头) */
    ledJoint: bonusRule,
    /** per problem the unit found itself (部门自查) */
    proactive: bonusRule,
    /** the most bonus a unit can have in a year */
    max: z.number().min(0),
  }),
});
export type AssessmentRules = z.infer<typeof assessmentRulesSchema>;

/** The channels whose cases are complaints (投诉) for 抄报, when rules.yaml does not say. */
export const defaultComplaintChannels: readonly Channel[] = ['hotline_12345', 'hotline_12319', 'police_110', 'citizen'];

/**
 * 常态长效 (§八3): the same category again and again in one grid or one small hexagonal cell (H3)
 * within a window opens a recurring-problem record; repeated complaints about it are copied to the
 * responsible leader (抄报) once per threshold. Every field has a default, so a town (or a profile
 * document stored before this section existed) without it still loads: read it through
 * recurringRulesOf.
 */
export const recurringRulesSchema = z.strictObject({
  /** H3 resolution of the cells: 9 ≈ 0.1 km², 10 ≈ 0.015 km² */
  h3Resolution: z.number().int().min(6).max(12).default(9),
  /** cases of one category in one place within this many days are counted together */
  windowDays: z.number().int().positive().max(366).default(30),
  /** this many cases (the new one included) in one cell open a record */
  threshold: z.number().int().min(2).default(3),
  /** this many in one grid (a grid is many cells: the same count says less there) */
  gridThreshold: z.number().int().min(2).default(6),
  /** a case this many days (at most) after 销项 reopens the record; later ones count afresh */
  reopenWithinDays: z.number().int().positive().default(180),
  /** cases from these channels are complaints (投诉) */
  complaintChannels: z.array(z.enum(channels)).default([...defaultComplaintChannels]),
  /** a record's complaints reaching each of these counts are copied to the leader, once each */
  ccLeaderThresholds: z
    .array(z.number().int().positive())
    .default([5, 10])
    .refine((t) => t.every((n, i) => i === 0 || n > t[i - 1]!), 'thresholds go up: [5, 10]'),
  /** the leader copied (a personnel code in organization.yaml); without it every leader account is */
  ccLeader: code.optional(),
});
export type RecurringRules = z.infer<typeof recurringRulesSchema>;

export const rulesFileSchema = z.strictObject({
  routing: z.strictObject({
    /** after this many returns a coordinator must designate a unit, which may no longer return it */
    designateAfterReturns: z.number().int().min(1).default(2),
    /** department code of the fallback contractor (第三方兜底单位) */
    fallbackUnit: code,
    /** department code of the center (for escalations and designation) */
    centerUnit: code,
  }),
  deadlines: z.strictObject({
    yellowAt: z.number().gt(0).lt(1).default(0.8),
    /** working hours of a working day, Asia/Shanghai local time */
    workday: z.strictObject({
      morning: z.tuple([hhmm, hhmm]),
      afternoon: z.tuple([hhmm, hhmm]),
    }),
  }),
  duplicates: z.strictObject({
    radiusMeters: z.number().positive().default(50),
    windowDays: z.number().positive().default(7),
  }),
  escalation: z.strictObject({
    /** the chain a case climbs: station → center → leader */
    chain: z.array(z.enum(['station', 'center', 'leader'])).min(1),
  }),
  /** the annual assessment; a profile without it has no annual score (indicators still count) */
  assessment: assessmentRulesSchema.optional(),
  recurring: recurringRulesSchema.optional(),
});

/** The recurring-problem rules of a town with every default filled (the section may be absent). */
export function recurringRulesOf(rules: { recurring?: z.input<typeof recurringRulesSchema> }): RecurringRules {
  return recurringRulesSchema.parse(rules.recurring ?? {});
}

export const roles = [
  'dispatcher',
  'coordinator',
  'supervisor',
  'team_manager',
  'emergency_officer',
  'inspector',
  'station_chief',
  'department_handler',
  'leader',
  'system_admin',
  'security_admin',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export const demoUsersFileSchema = z.strictObject({
  users: z.array(
    z.strictObject({
      username: z.string().regex(/^[a-z][a-z0-9_.-]{1,39}$/),
      personnel: code,
      role: z.enum(roles),
      /** town-wide when absent; otherwise one station or one department */
      station: code.optional(),
      department: code.optional(),
    }),
  ),
});

export const deviceKinds = ['camera', 'sensor'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const deviceSchema = z.strictObject({
  /** the cameraId / deviceId its reports carry (channelData) */
  id: code,
  kind: z.enum(deviceKinds),
  name: z.string().min(1),
  /** [lng, lat] WGS84 */
  location: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  /** the unit grid it stands in; derived from the location when left out */
  grid: z.string().regex(/^\d{15}$/, 'a grid code has 15 digits').optional(),
  /** sensors only: what it measures (metric names as the sensor channel reports them) */
  metrics: z.array(z.string().min(1)).default([]),
});
export type Device = z.infer<typeof deviceSchema>;
export const devicesFileSchema = z.strictObject({ devices: z.array(deviceSchema).default([]) });

export interface GridFeature {
  type: 'Feature';
  properties: { code: string; name: string; stationCode: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export type TownFile = z.infer<typeof townFileSchema>;
export type Station = z.infer<typeof stationSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Person = z.infer<typeof personSchema>;
export type RosterFile = z.infer<typeof rosterFileSchema>;
export type HolidaysFile = z.infer<typeof holidaysFileSchema>;
export type RulesFile = z.infer<typeof rulesFileSchema>;
export type DemoUsersFile = z.infer<typeof demoUsersFileSchema>;

/** A whole profile, parsed. Geometry stays GeoJSON. */
export interface Profile {
  town: TownFile['town'];
  stations: Station[];
  centerGroups: TownFile['centerGroups'];
  boundary: GeoJsonFeature;
  stationAreas: GeoJsonFeature[];
  grids: GridFeature[];
  departments: Department[];
  personnel: Person[];
  roster: RosterFile;
  categories: Category[];
  holidays: HolidaysFile['overrides'];
  rules: RulesFile;
  demoUsers: DemoUsersFile['users'];
  /** cameras and sensors (devices.yaml; empty when the town has none) */
  devices: Device[];
}

export interface GeoJsonFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}
