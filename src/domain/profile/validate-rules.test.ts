import { describe, expect, it } from 'vitest';
import { miniProfile } from './mini-profile.fixture.js';
import { recurringRulesOf, rulesFileSchema } from './schema.js';
import { validateProfile } from './validate-profile.js';

const baseRules = {
  routing: { fallbackUnit: 'DSF', centerUnit: 'CENTER' },
  deadlines: { workday: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] } },
  duplicates: {},
  escalation: { chain: ['station', 'center', 'leader'] },
};

describe('the recurring section of rules.yaml', () => {
  it('may be absent: every field has its default (older profiles and stored documents still load)', () => {
    const rules = rulesFileSchema.parse(baseRules);
    expect(rules.recurring).toBeUndefined();
    expect(recurringRulesOf(rules)).toEqual({
      h3Resolution: 9,
      windowDays: 30,
      threshold: 3,
      gridThreshold: 6,
      reopenWithinDays: 180,
      complaintChannels: ['hotline_12345', 'hotline_12319', 'police_110', 'citizen'],
      ccLeaderThresholds: [5, 10],
    });
  });

  it('fills what a partial section leaves out', () => {
    const rules = rulesFileSchema.parse({ ...baseRules, recurring: { threshold: 4, ccLeader: 'P1' } });
    expect(recurringRulesOf(rules)).toMatchObject({ threshold: 4, ccLeader: 'P1', windowDays: 30, h3Resolution: 9 });
  });

  it('refuses thresholds that do not go up, an unknown channel and a threshold of one', () => {
    const bad = rulesFileSchema.safeParse({ ...baseRules, recurring: { ccLeaderThresholds: [10, 5], complaintChannels: ['fax'], threshold: 1 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['recurring.ccLeaderThresholds', 'recurring.complaintChannels.0', 'recurring.threshold']);
  });

  it('checks the leader copied against organization.yaml', () => {
    const p = miniProfile();
    p.rules.recurring = recurringRulesOf({ recurring: { ccLeader: 'P404' } });
    expect(validateProfile(p).map((x) => `${x.file} ${x.path}`)).toEqual(['rules.yaml recurring.ccLeader']);
    p.rules.recurring.ccLeader = 'P1';
    expect(validateProfile(p)).toEqual([]);
  });
});
