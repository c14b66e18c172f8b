/**
 * A problem found in a town profile. There is ONE severity: every problem is an error and a profile
 * with problems is not loaded. (A "warning" level was considered and rejected: a town profile is
 * data the whole loop depends on — an unowned department or a gap between grids silently loses
 * cases — so the town fixes it before loading rather than learning to ignore warnings.)
 */
export interface ProfileProblem {
  /** file name inside the profile directory, e.g. 'departments.yaml' */
  file: string;
  /** where in the file, e.g. 'departments[3].phone'; '' for the whole file */
  path: string;
  /** Chinese first, English in parentheses: '不是有效的电话号码 (not a phone number)' */
  message: string;
  /** 1-based line, when the reader can tell */
  line?: number;
}

/** The files of a profile directory, by role (see schema.ts). */
export const profileFiles = {
  town: 'town.yaml',
  boundary: 'boundary.geojson',
  stations: 'stations.geojson',
  grids: 'grids.geojson',
  departments: 'departments.yaml',
  organization: 'organization.yaml',
  roster: 'roster.yaml',
  categories: 'categories.yaml',
  holidays: 'holidays.yaml',
  rules: 'rules.yaml',
  demoUsers: 'demo-users.yaml',
  devices: 'devices.yaml',
} as const;
export type ProfileFileRole = keyof typeof profileFiles;

/** Builds one problem; `zh` and `en` become 'zh (en)'. */
export function problem(file: string, path: string, zh: string, en: string): ProfileProblem {
  return { file, path, message: `${zh} (${en})` };
}
