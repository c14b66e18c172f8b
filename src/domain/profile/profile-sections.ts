/**
 * The sections of a town profile that administrators edit in the console, and how a section is cut
 * out of a profile and put back. A section's content is exactly what the profile holds, so an edit
 * is validated by the same schemas and cross-file checks as `cityops profile validate`.
 */
import type { Profile } from './schema.js';
import type { ProfileProblem } from './profile-problem.js';
import { profileFiles as F } from './profile-problem.js';

export const profileSections = ['stations', 'grids', 'departments', 'categories', 'personnel', 'roster', 'holidays', 'rules', 'devices'] as const;
export type ProfileSection = (typeof profileSections)[number];

export interface SectionContent {
  stations: Pick<Profile, 'stations' | 'stationAreas'>;
  grids: Profile['grids'];
  departments: Profile['departments'];
  categories: Profile['categories'];
  personnel: Profile['personnel'];
  roster: Profile['roster'];
  holidays: Profile['holidays'];
  rules: Profile['rules'];
  devices: Profile['devices'];
}

export function sectionOf<S extends ProfileSection>(profile: Profile, section: S): SectionContent[S] {
  const content: SectionContent = {
    stations: { stations: profile.stations, stationAreas: profile.stationAreas },
    grids: profile.grids,
    departments: profile.departments,
    categories: profile.categories,
    personnel: profile.personnel,
    roster: profile.roster,
    holidays: profile.holidays,
    rules: profile.rules,
    // a document stored before devices existed has none
    devices: profile.devices ?? [],
  };
  return content[section];
}

/** The profile with one section replaced (the other sections are shared, not copied). */
export function withSection<S extends ProfileSection>(profile: Profile, section: S, content: SectionContent[S]): Profile {
  switch (section) {
    case 'stations': {
      const c = content as SectionContent['stations'];
      return { ...profile, stations: c.stations, stationAreas: c.stationAreas };
    }
    default:
      return { ...profile, [section]: content };
  }
}

/**
 * Where a problem sits in the profile document: 'categories[3].owner', 'stationAreas[0].geometry',
 * 'roster.rota[1].personnel'. Profile files name their lists differently (grids.geojson 'features',
 * holidays.yaml 'overrides'); the document path is the same whichever way the profile was edited.
 */
export function documentPath(p: Pick<ProfileProblem, 'file' | 'path'>): string {
  const after = (prefix: string) => (p.path === '' ? prefix : p.path.startsWith('[') ? `${prefix}${p.path}` : `${prefix}.${p.path}`);
  switch (p.file) {
    case F.stations:
      return p.path.startsWith('features') ? `stationAreas${p.path.slice('features'.length)}` : after('stationAreas');
    case F.grids:
      return p.path.startsWith('features') ? `grids${p.path.slice('features'.length)}` : after('grids');
    case F.boundary:
      return after('boundary');
    case F.holidays:
      return p.path.startsWith('overrides') ? `holidays${p.path.slice('overrides'.length)}` : after('holidays');
    case F.roster:
      return after('roster');
    case F.rules:
      return after('rules');
    case F.demoUsers:
      return p.path.startsWith('users') ? `demoUsers${p.path.slice('users'.length)}` : after('demoUsers');
    case F.devices:
      return p.path === '' ? 'devices' : p.path;
    case F.organization:
      return p.path === '' ? 'personnel' : p.path;
    case F.departments:
      return p.path === '' ? 'departments' : p.path;
    case F.categories:
      return p.path === '' ? 'categories' : p.path;
    default:
      // town.yaml (town, stations, centerGroups) names its parts as the document does
      return p.path === '' ? 'town' : p.path;
  }
}

/** The section a document path belongs to; null for the parts of the profile not edited here (town, boundary, centre groups, demo users). */
export function sectionOfPath(path: string): ProfileSection | null {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  if (head === 'stationAreas') return 'stations';
  return (profileSections as readonly string[]).includes(head) ? (head as ProfileSection) : null;
}

/** 'zh (en)' → { zh, en }: the profile problems carry both languages in one message. */
export function splitBilingual(message: string): { zh: string; en: string } {
  if (message.endsWith(')')) {
    let depth = 0;
    for (let i = message.length - 1; i >= 0; i--) {
      const ch = message[i];
      if (ch === ')') depth++;
      else if (ch === '(' && --depth === 0) {
        if (i > 0 && message[i - 1] === ' ') return { zh: message.slice(0, i - 1), en: message.slice(i + 1, -1) };
        break;
      }
    }
  }
  return { zh: message, en: message };
}
