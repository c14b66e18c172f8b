/**
 * An administrator's edit of one profile section, checked exactly as `cityops profile validate`
 * checks the files: the section against its file's schema, then the whole merged profile through
 * the cross-file checks of validateProfile. Problems carry the file and the path in it; see
 * documentPath for where that is in the profile document.
 */
import type { z } from 'zod';
import { withSection, type ProfileSection } from '../../domain/profile/profile-sections.js';
import { problem, profileFiles as F, type ProfileProblem } from '../../domain/profile/profile-problem.js';
import {
  categoriesFileSchema,
  departmentsFileSchema,
  devicesFileSchema,
  holidaysFileSchema,
  organizationFileSchema,
  rosterFileSchema,
  rulesFileSchema,
  townFileSchema,
  type Profile,
} from '../../domain/profile/schema.js';
import { validateProfile } from '../../domain/profile/validate-profile.js';
import { zodProblems } from '../../domain/profile/zod-problems.js';
import { gridsGeoFileSchema, stationsGeoFileSchema, toGridFeature, toProfileFeature } from './geojson-schema.js';

export interface MergeResult {
  /** the merged profile, only when there is no problem at all */
  profile: Profile | null;
  problems: ProfileProblem[];
}

const collection = (features: unknown) => ({ type: 'FeatureCollection', features });

/** The section's content parsed by its file's schema (defaults applied), or null with the problems pushed. */
function parseSection(current: Profile, section: ProfileSection, content: unknown, problems: ProfileProblem[]): Profile | null {
  const check = <S extends z.ZodType>(file: string, schema: S, value: unknown): z.output<S> | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(...zodProblems(file, parsed.error));
    return undefined;
  };
  switch (section) {
    case 'stations': {
      if (typeof content !== 'object' || content === null || Array.isArray(content)) {
        problems.push(problem(F.town, 'stations', '内容应为包含 stations 和 stationAreas 的对象', 'the content is an object with stations and stationAreas'));
        return null;
      }
      const c = content as { stations?: unknown; stationAreas?: unknown };
      const town = check(F.town, townFileSchema, { town: current.town, stations: c.stations, centerGroups: current.centerGroups });
      const areas = check(F.stations, stationsGeoFileSchema, collection(c.stationAreas));
      return town && areas ? withSection(current, 'stations', { stations: town.stations, stationAreas: areas.features.map(toProfileFeature) }) : null;
    }
    case 'grids': {
      const grids = check(F.grids, gridsGeoFileSchema, collection(content));
      return grids ? withSection(current, 'grids', grids.features.map(toGridFeature)) : null;
    }
    case 'departments': {
      const file = check(F.departments, departmentsFileSchema, { departments: content });
      return file ? withSection(current, 'departments', file.departments) : null;
    }
    case 'categories': {
      const file = check(F.categories, categoriesFileSchema, { categories: content });
      return file ? withSection(current, 'categories', file.categories) : null;
    }
    case 'personnel': {
      const file = check(F.organization, organizationFileSchema, { personnel: content });
      return file ? withSection(current, 'personnel', file.personnel) : null;
    }
    case 'roster': {
      const file = check(F.roster, rosterFileSchema, content);
      return file ? withSection(current, 'roster', file) : null;
    }
    case 'holidays': {
      const file = check(F.holidays, holidaysFileSchema, { overrides: content });
      return file ? withSection(current, 'holidays', file.overrides) : null;
    }
    case 'rules': {
      const file = check(F.rules, rulesFileSchema, content);
      return file ? withSection(current, 'rules', file) : null;
    }
    case 'devices': {
      const file = check(F.devices, devicesFileSchema, { devices: content });
      return file ? withSection(current, 'devices', file.devices) : null;
    }
  }
}

export function mergeSection(current: Profile, section: ProfileSection, content: unknown): MergeResult {
  const problems: ProfileProblem[] = [];
  const merged = parseSection(current, section, content, problems);
  if (!merged) return { profile: null, problems };
  const cross = validateProfile(merged);
  return { profile: cross.length === 0 ? merged : null, problems: cross };
}
