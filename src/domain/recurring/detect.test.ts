import { describe, expect, it } from 'vitest';
import { densestWindow, detect, recordTakes, thresholdsToCopy, type KnownRecord, type Sighting } from './detect.js';

const rules = { windowDays: 30, threshold: 3, gridThreshold: 4, reopenWithinDays: 180, ccLeaderThresholds: [5, 10] };
const day = (d: number) => new Date(Date.UTC(2026, 2, 1 + d, 2)).toISOString(); // 2026-03-01 + d days, 10:00 Shanghai

/** a stall (09001) case in grid G1, cell C1 unless told otherwise */
function seen(id: string, d: number, patch: Partial<Sighting> = {}): Sighting {
  return { caseId: id, categoryCode: '09001', gridCode: 'G1', cell: 'C1', reportedAt: day(d), seenAt: day(d), complaint: true, ...patch };
}
function record(patch: Partial<KnownRecord> = {}): KnownRecord {
  return { id: 'R1', placeKind: 'cell', place: 'C1', status: 'open', struckOffAt: null, complaints: 3, copied: [], ...patch };
}

describe('opening a record', () => {
  it('opens on the third case of a category in one cell within 30 days, the new one last', () => {
    const d = detect({ sighting: seen('c', 20), records: [], loose: [seen('a', 0), seen('b', 10)], rules });
    expect(d).toEqual({ kind: 'open', placeKind: 'cell', place: 'C1', members: ['a', 'b', 'c'], complaints: 3, copy: [] });
  });

  it('does not open on two cases, nor on three spread over more than 30 days', () => {
    expect(detect({ sighting: seen('b', 10), records: [], loose: [seen('a', 0)], rules })).toEqual({ kind: 'none' });
    // day 0, day 20, day 40: no 30-day window holds all three
    expect(detect({ sighting: seen('c', 40), records: [], loose: [seen('a', 0), seen('b', 20)], rules })).toEqual({ kind: 'none' });
  });

  it('counts a window exactly 30 days long, and not 30 days and an hour', () => {
    const late = { ...seen('c', 30) };
    expect(detect({ sighting: late, records: [], loose: [seen('a', 0), seen('b', 15)], rules }).kind).toBe('open');
    const later = seen('c', 30, { reportedAt: new Date(Date.parse(day(30)) + 3_600_000).toISOString() });
    expect(detect({ sighting: later, records: [], loose: [seen('a', 0), seen('b', 15)], rules }).kind).toBe('none');
  });

  it('ignores other categories', () => {
    const other = seen('b', 5, { categoryCode: '01001' });
    expect(detect({ sighting: seen('c', 10), records: [], loose: [seen('a', 0), other], rules })).toEqual({ kind: 'none' });
  });

  it('falls back to the grid, with its own threshold, when the cases are in different cells of it', () => {
    const spread = [seen('a', 0, { cell: 'C1' }), seen('b', 10, { cell: 'C2' })];
    expect(detect({ sighting: seen('c', 20, { cell: 'C3' }), records: [], loose: spread, rules })).toEqual({ kind: 'none' });
    const d = detect({ sighting: seen('d', 25, { cell: 'C4' }), records: [], loose: [...spread, seen('c', 20, { cell: 'C3' })], rules });
    expect(d).toMatchObject({ kind: 'open', placeKind: 'grid', place: 'G1', members: ['a', 'b', 'c', 'd'] });
  });

  it('prefers the cell: a cell across two grids opens as the cell', () => {
    const d = detect({ sighting: seen('c', 20, { gridCode: 'G2' }), records: [], loose: [seen('a', 0), seen('b', 10)], rules });
    expect(d).toMatchObject({ kind: 'open', placeKind: 'cell', place: 'C1' });
  });

  it('copies to the leader at once when a record opens with 5 complaints (one threshold, not two)', () => {
    const loose = [0, 2, 4, 6].map((d, i) => seen(`x${i}`, d));
    const d = detect({ sighting: seen('y', 8), records: [], loose, rules });
    expect(d).toMatchObject({ kind: 'open', complaints: 5, copy: [5] });
  });

  it('counts only complaints toward 抄报: an inspector’s own finding is a case, not a complaint', () => {
    const loose = [0, 2, 4, 6].map((d, i) => seen(`x${i}`, d, { complaint: i !== 0 }));
    expect(detect({ sighting: seen('y', 8), records: [], loose, rules })).toMatchObject({ kind: 'open', complaints: 4, copy: [] });
  });
});

describe('a record already kept at the place', () => {
  it('takes the case; the complaints reaching 5 are copied', () => {
    expect(detect({ sighting: seen('d', 25), records: [record({ complaints: 4 })], loose: [], rules })).toEqual({ kind: 'join', recordId: 'R1', reopen: false, complaints: 5, copy: [5] });
  });

  it('copies each threshold once: 5 already copied, the 6th complaint copies nothing, the 10th copies 10', () => {
    expect(detect({ sighting: seen('d', 25), records: [record({ complaints: 5, copied: [5] })], loose: [], rules })).toMatchObject({ complaints: 6, copy: [] });
    expect(detect({ sighting: seen('d', 25), records: [record({ complaints: 9, copied: [5] })], loose: [], rules })).toMatchObject({ complaints: 10, copy: [10] });
  });

  it('takes a case however long after the record opened while it is not struck off', () => {
    expect(detect({ sighting: seen('d', 300), records: [record({ status: 'in_progress' })], loose: [], rules })).toMatchObject({ kind: 'join', reopen: false });
  });

  it('a grid record takes a case of another cell in the grid; a cell record is preferred to it', () => {
    const grid = record({ id: 'RG', placeKind: 'grid', place: 'G1' });
    expect(detect({ sighting: seen('d', 5, { cell: 'C9' }), records: [grid], loose: [], rules })).toMatchObject({ kind: 'join', recordId: 'RG' });
    expect(detect({ sighting: seen('d', 5), records: [grid, record({ id: 'RC' })], loose: [], rules })).toMatchObject({ kind: 'join', recordId: 'RC' });
  });

  it('reopens a struck-off record when the problem comes back within 180 days', () => {
    const off = record({ status: 'struck_off', struckOffAt: day(40) });
    expect(detect({ sighting: seen('e', 50), records: [off], loose: [], rules })).toMatchObject({ kind: 'join', reopen: true });
  });

  it('after 180 days the place counts afresh: the old record is left alone', () => {
    const off = record({ status: 'struck_off', struckOffAt: day(0) });
    expect(detect({ sighting: seen('e', 181), records: [off], loose: [], rules })).toEqual({ kind: 'none' });
    expect(detect({ sighting: seen('g', 200), records: [off], loose: [seen('e', 181), seen('f', 190)], rules })).toMatchObject({ kind: 'open', members: ['e', 'f', 'g'] });
  });
});

describe('the parts', () => {
  it('recordTakes: a case seen before 销项 (detection ran late) joins without reopening', () => {
    const off = record({ status: 'struck_off', struckOffAt: day(10) });
    expect(recordTakes(off, day(9), 180)).toBe('join');
    expect(recordTakes(off, day(11), 180)).toBe('reopen');
    // 180 days after 销项 exactly still reopens; a day later does not
    expect(recordTakes(off, day(190), 180)).toBe('reopen');
    expect(recordTakes(off, day(191), 180)).toBe('no');
  });

  it('thresholdsToCopy: everything reached and not yet copied, lowest first', () => {
    expect(thresholdsToCopy(12, [5, 10], [])).toEqual([5, 10]);
    expect(thresholdsToCopy(12, [5, 10], [5])).toEqual([10]);
    expect(thresholdsToCopy(4, [5, 10], [])).toEqual([]);
  });

  it('densestWindow keeps the fullest 30-day window holding the new case', () => {
    // days 0, 25, 35, 40 and the new one at 50: [25..50] holds 25, 35, 40, 50 (4 cases); [0..30] does not hold 50
    const got = densestWindow(seen('n', 50), [seen('a', 0), seen('b', 25), seen('c', 35), seen('d', 40)], 30).map((s) => s.caseId);
    expect(got).toEqual(['b', 'c', 'd', 'n']);
  });
});
