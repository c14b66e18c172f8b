/**
 * The role × action × scope matrix, written out by hand (not derived from the policy table) and
 * compared cell by cell. Cell letters: T town-wide, S own station, D own department, M self (own
 * account), '-' never. A cell may hold several letters.
 */
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../profile/schema.js';
import type { Actor } from './actor.js';
import { can, grantedScopes, type AccessTarget } from './can.js';
import type { AccessScope, ActionOf, Resource } from './policy.js';

const columns = [
  ['profile', 'read'],
  ['profile', 'read_document'],
  ['profile', 'update'],
  ['personnel', 'read'],
  ['personnel', 'read_phone'],
  ['citizen_data', 'read'],
  ['users', 'read'],
  ['users', 'create'],
  ['users', 'update'],
  ['users', 'assign_role'],
  ['users', 'unlock'],
  ['api_keys', 'read'],
  ['api_keys', 'create'],
  ['api_keys', 'revoke'],
  ['audit', 'read'],
  ['cases', 'read'],
  ['cases', 'create'],
  ['webhooks', 'read'],
  ['webhooks', 'create'],
  ['webhooks', 'update'],
  ['webhooks', 'delete'],
  ['assessment', 'read'],
  ['assessment', 'adjust'],
  ['recurring', 'read'],
  ['recurring', 'plan'],
  ['recurring', 'strike_off'],
  ['command_mode', 'read'],
  ['command_mode', 'change'],
  ['inspector_positions', 'report'],
] as const;

// prettier-ignore
const expected: Record<Role, string> = {
  //                  prof docR docU pers phone citz  usrR usrC usrU role unlk keyR keyC keyV audt caseR caseC whkR whkC whkU whkD asmR asmA recR recP recX cmdR cmdC posR
  dispatcher:        'T    -    -    T    T     T     M    -    -    -    -    -    -    -    -    T    T    -    -    -    -    T    -    T    -    -    T    -    -',
  coordinator:       'T    -    -    T    T     T     M    -    -    -    -    -    -    -    -    T    T    -    -    -    -    T    -    T    -    -    T    -    -',
  supervisor:        'T    -    -    T    -     -     M    -    -    -    -    -    -    -    -    T    -    -    -    -    -    T    T    T    T    T    T    -    -',
  team_manager:      'T    -    -    T    T     -     M    -    -    -    -    -    -    -    -    T    -    -    -    -    -    T    -    T    -    -    T    -    -',
  emergency_officer: 'T    -    -    T    T     -     M    -    -    -    -    -    -    -    -    T    T    -    -    -    -    T    -    T    -    -    T    T    -',
  inspector:         'T    -    -    T    -     -     M    -    -    -    -    -    -    -    -    S    T    -    -    -    -    -    -    S    -    -    T    -    M',
  station_chief:     'T    -    -    T    S     -     M    -    -    -    -    -    -    -    -    SD   T    -    -    -    -    -    -    SD   D    -    T    -    -',
  department_handler:'T    -    -    T    -     -     M    -    -    -    -    -    -    -    -    D    T    -    -    -    -    -    -    D    D    -    T    -    -',
  leader:            'T    -    -    T    T     T     M    -    -    -    -    -    -    -    -    T    T    -    -    -    -    T    -    T    -    -    T    T    -',
  system_admin:      'T    T    T    T    T     -     TM   T    T    T    T    T    T    T    -    -    -    T    T    T    T    -    -    -    -    -    T    -    -',
  security_admin:    'T    -    -    T    -     -     TM   -    -    T    T    T    T    T    T    -    -    -    -    -    -    -    -    -    -    -    T    -    -',
  auditor:           'T    -    -    T    -     -     M    -    -    -    -    -    -    -    T    -    -    -    -    -    -    -    -    -    -    -    T    -    -',
};

const letter: Record<AccessScope, string> = { town: 'T', own_station: 'S', own_department: 'D', self: 'M' };

function cells(role: Role): string[] {
  const row = expected[role].split(/\s+/);
  expect(row).toHaveLength(columns.length);
  return row;
}

const actorOf = (role: Role, kind: Actor['kind'] = 'user', scopes: string[] | null = null): Actor => ({
  kind,
  id: 'me',
  username: role,
  role,
  stationCode: 'S1',
  departmentCode: 'D1',
  personnelCode: null,
  scopes,
});

/** targets that each satisfy exactly one scope (besides town) */
const targets: Record<string, { target: AccessTarget | undefined; satisfies: string }> = {
  none: { target: undefined, satisfies: 'T' },
  otherStation: { target: { stationCode: 'S2', departmentCodes: ['D2'], userId: 'other' }, satisfies: 'T' },
  ownStation: { target: { stationCode: 'S1', departmentCodes: ['D2'], userId: 'other' }, satisfies: 'TS' },
  ownDepartment: { target: { stationCode: 'S2', departmentCodes: ['D2', 'D1'], userId: 'other' }, satisfies: 'TD' },
  self: { target: { stationCode: null, departmentCodes: [], userId: 'me' }, satisfies: 'TM' },
};

describe('access matrix: role × action × scope', () => {
  for (const role of roles) {
    describe(role, () => {
      columns.forEach(([resource, action], i) => {
        const cell = cells(role)[i] ?? '?';
        for (const [name, { target, satisfies }] of Object.entries(targets)) {
          const want = [...cell].some((l) => satisfies.includes(l));
          it(`${resource}:${action} on ${name} → ${want ? 'allowed' : 'denied'}`, () => {
            const d = can(actorOf(role), action as ActionOf<Resource>, resource, target);
            expect(d.allowed).toBe(want);
            expect(d.permission).toBe(`${resource}:${action}`);
          });
        }
        it(`${resource}:${action} granted scopes = ${cell}`, () => {
          const scopes = grantedScopes(actorOf(role), action as ActionOf<Resource>, resource).map((s) => letter[s]).join('');
          expect(scopes).toBe(cell === '-' ? '' : cell);
        });
      });
    });
  }
});

describe('API keys: the role AND the key scope must allow; never "self"', () => {
  it('a dispatcher key with cases:read reads all cases; without the scope it may not', () => {
    const withScope = actorOf('dispatcher', 'api_key', ['cases:read']);
    expect(can(withScope, 'read', 'cases', { stationCode: 'S9' }).allowed).toBe(true);
    const without = actorOf('dispatcher', 'api_key', ['cases:create']);
    const d = can(without, 'read', 'cases', { stationCode: 'S9' });
    expect(d).toMatchObject({ allowed: false, code: 'API_KEY_SCOPE_MISSING' });
    expect(d.reason.en).toContain('cases:read');
    expect(grantedScopes(without, 'read', 'cases')).toEqual([]);
  });
  it('a scope does not lift the role: an inspector key with personnel:read_phone still sees no phone', () => {
    const key = actorOf('inspector', 'api_key', ['personnel:read_phone']);
    expect(can(key, 'read_phone', 'personnel').code).toBe('ROLE_NOT_PERMITTED');
  });
  it('an API key is never "self" even when its id equals the target user id', () => {
    const key = actorOf('dispatcher', 'api_key', ['users:read']);
    expect(can(key, 'read', 'users', { userId: 'me' }).allowed).toBe(false);
  });
});

describe('三员分立 separation of duties', () => {
  it('the system administrator may not read the audit log', () => {
    const d = can(actorOf('system_admin'), 'read', 'audit');
    expect(d.allowed).toBe(false);
    expect(d.code).toBe('ROLE_NOT_PERMITTED');
    expect(d.reason.en).toBe('Role system_admin lacks permission audit:read (roles that have it: auditor, security_admin)');
  });
  it('the auditor may change nothing', () => {
    const auditor = actorOf('auditor');
    const decisions = [
      can(auditor, 'create', 'users'), can(auditor, 'update', 'users'), can(auditor, 'assign_role', 'users'), can(auditor, 'unlock', 'users'),
      can(auditor, 'create', 'api_keys'), can(auditor, 'revoke', 'api_keys'),
    ];
    expect(decisions.map((d) => d.allowed)).toEqual([false, false, false, false, false, false]);
  });
  it('the security administrator sees no business data', () => {
    expect(can(actorOf('security_admin'), 'read', 'cases').allowed).toBe(false);
    expect(can(actorOf('security_admin'), 'read', 'citizen_data').allowed).toBe(false);
    expect(can(actorOf('security_admin'), 'read_phone', 'personnel').allowed).toBe(false);
  });
});

describe('reasons', () => {
  it('out of scope names the scope needed', () => {
    const d = can(actorOf('inspector'), 'read', 'cases', { stationCode: 'S2' });
    expect(d).toMatchObject({ allowed: false, code: 'OUT_OF_SCOPE' });
    expect(d.reason.en).toBe('cases:read is allowed only in your own station');
    expect(d.reason.zh).toBe('cases:read 仅限本工作站范围内');
  });
  it('an allowed decision reports the widest matching scope', () => {
    const d = can(actorOf('system_admin'), 'read', 'users', { userId: 'me' });
    expect(d).toMatchObject({ allowed: true, scope: 'town' });
  });
  it('an actor without a station matches no station-scoped target', () => {
    const chief = { ...actorOf('station_chief'), stationCode: null };
    expect(can(chief, 'read', 'cases', { stationCode: null }).allowed).toBe(false);
  });
});
