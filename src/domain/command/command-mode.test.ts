import { describe, expect, it } from 'vitest';
import { changeProblems, responseLevelInfo, responseLevels } from './command-mode.js';

const fields = (c: Parameters<typeof changeProblems>[0]) => changeProblems(c).map((p) => p.field);

describe('changeProblems', () => {
  it('accepts a complete emergency, an authorised command with its level and commander, and a bare joint command', () => {
    expect(changeProblems({ mode: 'emergency', emergencyKind: 'flood_typhoon', responseLevel: 'II', commanderCode: 'P002', deputyCode: 'P004' })).toEqual([]);
    expect(changeProblems({ mode: 'authorised', responseLevel: 'IV', commanderCode: 'P004' })).toEqual([]);
    expect(changeProblems({ mode: 'joint' })).toEqual([]);
    expect(changeProblems({ mode: 'joint', commanderCode: 'P004', deputyCode: 'P005' })).toEqual([]);
  });

  it('asks an emergency for its kind, level, commander and deputy', () => {
    expect(fields({ mode: 'emergency' })).toEqual(['emergencyKind', 'responseLevel', 'commanderCode', 'deputyCode']);
    expect(changeProblems({ mode: 'emergency', emergencyKind: 'sudden_event', responseLevel: 'I', commanderCode: 'P002' })[0]!.message).toEqual({
      zh: '应急指挥须填写副总指挥',
      en: 'Emergency command needs a deputy commander',
    });
  });

  it('asks an authorised command for its level and commander, and refuses it an emergency kind', () => {
    expect(fields({ mode: 'authorised', emergencyKind: 'flood_typhoon' })).toEqual(['emergencyKind', 'responseLevel', 'commanderCode']);
  });

  it('gives joint command no level or kind', () => {
    expect(fields({ mode: 'joint', emergencyKind: 'flood_typhoon', responseLevel: 'III' })).toEqual(['emergencyKind', 'responseLevel']);
  });

  it('refuses to declare daily command (that is standing down), one person as both commanders, and a deputy alone', () => {
    expect(fields({ mode: 'daily' })).toEqual(['mode']);
    expect(fields({ mode: 'emergency', emergencyKind: 'flood_typhoon', responseLevel: 'II', commanderCode: 'P002', deputyCode: 'P002' })).toEqual(['deputyCode']);
    expect(fields({ mode: 'joint', deputyCode: 'P005' })).toEqual(['deputyCode']);
  });
});

describe('response levels', () => {
  it('run Ⅳ → Ⅰ, blue → red', () => {
    expect(responseLevels.map((l) => `${responseLevelInfo[l].numeral}:${responseLevelInfo[l].colour}`)).toEqual(['Ⅳ:blue', 'Ⅲ:yellow', 'Ⅱ:orange', 'Ⅰ:red']);
    expect(responseLevelInfo.II.label.zh).toBe('Ⅱ级响应（橙色）');
  });
});
