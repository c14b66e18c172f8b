import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';
import { roleScopeProblems } from './role-scope.js';

describe('roleScopeProblems', () => {
  it('station roles need a station', () => {
    expect(roleScopeProblems('inspector', null, null).map((p) => p.field)).toEqual(['stationCode']);
    expect(roleScopeProblems('station_chief', 'S1', 'S1-team')).toEqual([]);
  });
  it('department handlers need a department', () => {
    expect(roleScopeProblems('department_handler', null, null).map((p) => p.field)).toEqual(['departmentCode']);
    expect(roleScopeProblems('department_handler', null, 'D1')).toEqual([]);
  });
  it('town-wide roles take no station', () => {
    expect(roleScopeProblems('dispatcher', 'S1', null).map((p) => p.field)).toEqual(['stationCode']);
    expect(roleScopeProblems('leader', null, null)).toEqual([]);
  });
});

describe('passwordProblems', () => {
  it('accepts a long password with three classes', () => {
    expect(passwordProblems('Chongming-2026', 'admin')).toEqual([]);
  });
  it('rejects short, simple, or username-containing passwords', () => {
    expect(passwordProblems('Ab1!', 'x').map((p) => p.en)).toEqual(['at least 8 characters']);
    expect(passwordProblems('cityops-demo', 'x').map((p) => p.en)).toEqual(['use at least three of: lower case, upper case, digits, symbols']);
    expect(passwordProblems('Admin-12345', 'admin').map((p) => p.en)).toEqual(['must not contain the username']);
  });
});
