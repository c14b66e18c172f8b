import { describe, expect, it } from 'vitest';
import type { CommandPeriodDto } from '../../api/command-mode.js';
import { commandWords } from './command-text.js';

const base: CommandPeriodDto = {
  id: 'x', mode: 'emergency', emergencyKind: 'flood_typhoon', responseLevel: 'II', levelColour: 'orange',
  commander: { code: 'P002', name: '黄国平' }, deputy: { code: 'P004', name: '沈婷' }, reason: '台风', startedAt: '2026-07-01T06:30:00.000Z',
  startedBy: { id: 'u', name: 'leader' }, endedAt: null, endedBy: null, endKind: null, endNote: null,
};
const zh = (l: { zh: string }) => l.zh;
const person = { commander: (n: string) => `总指挥 ${n}`, deputy: (n: string) => `副总指挥 ${n}` };

describe('commandWords', () => {
  it('says an emergency with its kind, level, colour and commanders', () => {
    expect(commandWords(base, zh, person)).toEqual({ mode: '应急指挥', detail: ' · 防汛防台 Ⅱ级响应（橙色） · 总指挥 黄国平 · 副总指挥 沈婷', colour: '#f97316' });
  });
  it('says an authorised command by its level, and a bare joint command by its name alone', () => {
    expect(commandWords({ ...base, mode: 'authorised', emergencyKind: null, responseLevel: 'IV', deputy: null }, zh, person)).toEqual({
      mode: '授权指挥', detail: ' · Ⅳ级响应（蓝色） · 总指挥 黄国平', colour: '#2f7cf6',
    });
    expect(commandWords({ ...base, mode: 'joint', emergencyKind: null, responseLevel: null, commander: null, deputy: null }, zh, person)).toEqual({ mode: '联席指挥', detail: '', colour: null });
  });
});
