import { describe, expect, it } from 'vitest';
import { findDuplicates } from './find-duplicates.js';
import type { DedupeCase } from './find-duplicates.js';

// At 31.68 N one degree of latitude is 111 195.08 m (mean sphere), so
//   0.00027° north = 30.02 m,   0.00072° north = 80.06 m.
const BASE = { lng: 121.47, lat: 31.68 };

const incoming: DedupeCase = {
  categoryCode: '02001',
  ...BASE,
  reportedAt: '2025-06-10T08:00:00Z',
  callerHash: 'h-caller-1',
  text: '北沿公路森林公园门口有人摆摊卖水果，占道经营',
};

function candidate(id: string, over: Partial<DedupeCase>): DedupeCase & { id: string } {
  return { id, categoryCode: '02001', ...BASE, reportedAt: '2025-06-09T08:00:00Z', callerHash: null, text: '其他内容', ...over };
}

describe('findDuplicates: same category nearby', () => {
  it('links a case 30 m away and not one 80 m away', () => {
    const near = candidate('near', { lat: 31.68027 });
    const far = candidate('far', { lat: 31.68072 });
    const result = findDuplicates(incoming, [far, near]);
    expect(result.map((r) => r.id)).toEqual(['near']);
    expect(result[0]!.reasons).toEqual(['same_category_nearby']);
    expect(result[0]!.distanceMeters).toBeCloseTo(30.02, 1);
  });

  it('uses the radius option (80 m qualifies at 100 m)', () => {
    const far = candidate('far', { lat: 31.68072 });
    const result = findDuplicates(incoming, [far], { radiusMeters: 100 });
    expect(result[0]!.distanceMeters).toBeCloseTo(80.06, 1);
  });

  it('needs the same category and coordinates on both sides', () => {
    expect(findDuplicates(incoming, [candidate('other', { categoryCode: '01002' })])).toEqual([]);
    expect(findDuplicates(incoming, [candidate('nocat', { categoryCode: null })])).toEqual([]);
    expect(findDuplicates(incoming, [candidate('noloc', { lng: null, lat: null })])).toEqual([]);
    expect(findDuplicates({ ...incoming, categoryCode: null }, [candidate('c', { categoryCode: null })])).toEqual([]);
  });

  it('includes the window edge exactly 7 days away, in either direction, and not a second more', () => {
    const edge = candidate('edge', { reportedAt: '2025-06-03T08:00:00Z' });
    const later = candidate('later', { reportedAt: '2025-06-17T08:00:00Z' });
    const past = candidate('past', { reportedAt: '2025-06-03T07:59:59Z' });
    expect(findDuplicates(incoming, [edge, later, past]).map((r) => r.id).sort()).toEqual(['edge', 'later']);
    expect(findDuplicates(incoming, [past], { windowDays: 8 }).map((r) => r.id)).toEqual(['past']);
  });

  it('compares instants, not wall-clock strings, across zone offsets', () => {
    // 2025-06-03T16:00:00+08:00 is 2025-06-03T08:00:00Z: exactly on the edge
    const shanghai = candidate('sh', { reportedAt: '2025-06-03T16:00:00+08:00' });
    expect(findDuplicates(incoming, [shanghai]).map((r) => r.id)).toEqual(['sh']);
  });

  it('skips the case itself and candidates with unreadable dates', () => {
    const self = candidate('self', {});
    const broken = candidate('broken', { reportedAt: 'yesterday' });
    expect(findDuplicates({ ...incoming, id: 'self' }, [self, broken])).toEqual([]);
  });
});

describe('findDuplicates: same caller, same subject', () => {
  const far = { lng: 121.5, lat: 31.7 }; // ~3.5 km away, so the nearby rule cannot fire

  it('links the same caller with a similar text even in another category', () => {
    const again = candidate('again', {
      ...far,
      categoryCode: '02002',
      callerHash: 'h-caller-1',
      text: '北沿公路森林公园门口又有人摆摊卖水果，占道经营',
    });
    const result = findDuplicates(incoming, [again]);
    expect(result).toHaveLength(1);
    expect(result[0]!.reasons).toEqual(['same_caller_same_subject']);
    expect(result[0]!.similarity).toBeGreaterThanOrEqual(0.5);
    expect(result[0]!.distanceMeters).toBeGreaterThan(3000);
  });

  it('links the same caller in the same category even when the wording differs', () => {
    const reworded = candidate('reworded', { ...far, callerHash: 'h-caller-1', text: '水果摊又来了' });
    expect(findDuplicates(incoming, [reworded])[0]!.reasons).toEqual(['same_caller_same_subject']);
  });

  it('does not link the same caller about something else, nor a different or missing caller', () => {
    const unrelated = candidate('unrelated', { ...far, categoryCode: '01003', callerHash: 'h-caller-1', text: '家门口路灯不亮' });
    const otherCaller = candidate('other', { ...far, categoryCode: '02002', callerHash: 'h-caller-2', text: incoming.text });
    const anonymous = candidate('anon', { ...far, categoryCode: '02002', callerHash: null, text: incoming.text });
    expect(findDuplicates(incoming, [unrelated, otherCaller, anonymous])).toEqual([]);
    expect(findDuplicates({ ...incoming, callerHash: null }, [anonymous])).toEqual([]);
  });

  it('respects the window for the caller rule too', () => {
    const old = candidate('old', { ...far, callerHash: 'h-caller-1', text: incoming.text, reportedAt: '2025-06-01T08:00:00Z' });
    expect(findDuplicates(incoming, [old])).toEqual([]);
  });
});

describe('findDuplicates: ordering', () => {
  it('puts both reasons first, then nearer, then more similar', () => {
    const both = candidate('both', { lat: 31.6804, callerHash: 'h-caller-1' }); // 44 m, same category and caller
    const near10 = candidate('near10', { lat: 31.68009 }); // 10 m
    const near30 = candidate('near30', { lat: 31.68027 }); // 30 m
    const callerOnly = candidate('callerOnly', { lng: null, lat: null, callerHash: 'h-caller-1' });
    const result = findDuplicates(incoming, [callerOnly, near30, both, near10]);
    expect(result.map((r) => r.id)).toEqual(['both', 'near10', 'near30', 'callerOnly']);
    expect(result[0]!.reasons).toEqual(['same_category_nearby', 'same_caller_same_subject']);
    expect(result[3]!.distanceMeters).toBeUndefined();
  });
});
