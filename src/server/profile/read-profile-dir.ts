import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  categoriesFileSchema,
  demoUsersFileSchema,
  departmentsFileSchema,
  devicesFileSchema,
  holidaysFileSchema,
  organizationFileSchema,
  rosterFileSchema,
  rulesFileSchema,
  townFileSchema,
} from '../../domain/profile/schema.js';
import type { Profile } from '../../domain/profile/schema.js';
import { profileFiles as F, validateProfile } from '../../domain/profile/validate-profile.js';
import type { ProfileProblem } from '../../domain/profile/validate-profile.js';
import {
  boundaryFileSchema,
  gridsGeoFileSchema,
  stationsGeoFileSchema,
  toBoundaryFeature,
  toGridFeature,
  toProfileFeature,
} from './geojson-schema.js';
import { lazyJsonLines, lineAtOffset, yamlLines } from './source-lines.js';
import type { SourceLines } from './source-lines.js';
import { zodProblems } from '../../domain/profile/zod-problems.js';

export { profileContentHash } from './profile-hash.js';
export type { ProfileProblem };

export interface ReadProfileResult {
  /** the parsed profile, only when there are no problems at all (a profile with problems is never loaded) */
  profile: Profile | null;
  problems: ProfileProblem[];
}

/** Collects problems and line lookups while the files of one directory are read. */
class Reading {
  readonly problems: ProfileProblem[] = [];
  readonly lines = new Map<string, SourceLines>();
  constructor(readonly dir: string) {}

  private async text(file: string, optional = false): Promise<string | undefined> {
    try {
      return await readFile(join(this.dir, file), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (optional && code === 'ENOENT') return undefined;
      const message = code === 'ENOENT' ? '缺少文件 (missing file)' : `无法读取文件 (cannot read: ${String(code ?? e)})`;
      this.problems.push({ file, path: '', message });
      return undefined;
    }
  }

  private check<S extends z.ZodType>(file: string, schema: S, value: unknown): z.output<S> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.problems.push(...zodProblems(file, parsed.error));
    return undefined;
  }

  /** An optional file that is absent parses as `absent` (a file that is there is checked like any other). */
  async yaml<S extends z.ZodType>(file: string, schema: S, absent?: z.output<S>): Promise<z.output<S> | undefined> {
    const text = await this.text(file, absent !== undefined);
    if (text === undefined) return absent;
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const line = err.linePos?.[0].line;
        const first = err.message.split('\n')[0] ?? err.message;
        this.problems.push({ file, path: '', message: `YAML 语法错误 (${first})`, ...(line === undefined ? {} : { line }) });
      }
      return undefined;
    }
    this.lines.set(file, yamlLines(doc, counter));
    return this.check(file, schema, doc.toJS());
  }

  async json<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | undefined> {
    const text = await this.text(file);
    if (text === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg)?.[1];
      this.problems.push({ file, path: '', message: `JSON 语法错误 (${msg})`, ...(pos === undefined ? {} : { line: lineAtOffset(text, Number(pos)) }) });
      return undefined;
    }
    this.lines.set(file, lazyJsonLines(text));
    return this.check(file, schema, value);
  }

  /** Fills in `line` where the path can be found in the file's text. */
  withLines(problems: ProfileProblem[]): ProfileProblem[] {
    return problems.map((p) => {
      if (p.line !== undefined) return p;
      const line = this.lines.get(p.file)?.lineOf(p.path);
      return line === undefined ? p : { ...p, line };
    });
  }
}

/**
 * Reads and validates a profile directory: each file against its schema, then (when every file
 * parsed) the cross-file checks of validateProfile. A missing or malformed file is a problem, never
 * a crash. Cross-file checks need all files, so a profile with file-level problems reports those first.
 */
export async function readProfileDir(dir: string): Promise<ReadProfileResult> {
  const r = new Reading(dir);
  const [town, boundary, stationAreas, grids, departments, organization, roster, categories, holidays, rules, demoUsers, devices] =
    await Promise.all([
      r.yaml(F.town, townFileSchema),
      r.json(F.boundary, boundaryFileSchema),
      r.json(F.stations, stationsGeoFileSchema),
      r.json(F.grids, gridsGeoFileSchema),
      r.yaml(F.departments, departmentsFileSchema),
      r.yaml(F.organization, organizationFileSchema),
      r.yaml(F.roster, rosterFileSchema),
      r.yaml(F.categories, categoriesFileSchema),
      r.yaml(F.holidays, holidaysFileSchema),
      r.yaml(F.rules, rulesFileSchema),
      r.yaml(F.demoUsers, demoUsersFileSchema),
      r.yaml(F.devices, devicesFileSchema, { devices: [] }),
    ]);
  if (
    town === undefined ||
    boundary === undefined ||
    stationAreas === undefined ||
    grids === undefined ||
    departments === undefined ||
    organization === undefined ||
    roster === undefined ||
    categories === undefined ||
    holidays === undefined ||
    rules === undefined ||
    demoUsers === undefined ||
    devices === undefined
  ) {
    return { profile: null, problems: sortProblems(r.withLines(r.problems)) };
  }
  const profile: Profile = {
    town: town.town,
    stations: town.stations,
    centerGroups: town.centerGroups,
    boundary: toBoundaryFeature(boundary),
    stationAreas: stationAreas.features.map(toProfileFeature),
    grids: grids.features.map(toGridFeature),
    departments: departments.departments,
    personnel: organization.personnel,
    roster,
    categories: categories.categories,
    holidays: holidays.overrides,
    rules,
    demoUsers: demoUsers.users,
    devices: devices.devices,
  };
  const problems = sortProblems(r.withLines(validateProfile(profile)));
  return { profile: problems.length === 0 ? profile : null, problems };
}

const fileOrder: string[] = Object.values(F);
/** By file (in profile order), then line; stable, so problems without a line keep the order they were found in. */
function sortProblems(problems: ProfileProblem[]): ProfileProblem[] {
  return [...problems].sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** For `cityops profile validate <dir>`: ok when there is no problem. */
export async function validateProfileDir(dir: string): Promise<{ ok: boolean; problems: ProfileProblem[] }> {
  const { problems } = await readProfileDir(dir);
  return { ok: problems.length === 0, problems };
}

/** One line per problem: `file:line path — message` (`:line` and the path are left out when unknown). */
export function formatProblems(problems: readonly ProfileProblem[]): string {
  return problems
    .map((p) => {
      const where = `${p.file}${p.line === undefined ? '' : `:${p.line}`}${p.path === '' ? '' : ` ${p.path}`}`;
      return `${where} — ${p.message}`;
    })
    .join('\n');
}
