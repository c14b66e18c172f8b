import { describe, expect, it } from 'vitest';
import { gridPlaceNames, placeInAddress, stationPlaceNames, type Place } from './address-places.js';

const places: Place[] = [
  ...gridPlaceNames('东平森林公园网格').map((name) => ({ name, gridCode: '310151115001012', stationCode: 'DF' })),
  ...gridPlaceNames('东风2号网格').map((name) => ({ name, gridCode: '310151115001002', stationCode: 'DF' })),
  { name: '森林公园北门', gridCode: '310151115001011', stationCode: 'DF' },
  { name: '东风', gridCode: null, stationCode: 'DF' },
  { name: '前哨', gridCode: null, stationCode: 'QS' },
  { name: '东', gridCode: null, stationCode: 'X' },
];

describe('placeInAddress', () => {
  it('knows a grid by its name with or without 网格', () => {
    expect(gridPlaceNames('东平森林公园网格')).toEqual(['东平森林公园网格', '东平森林公园']);
    expect(gridPlaceNames('网格')).toEqual(['网格']);
    expect(stationPlaceNames('前哨站')).toEqual(['前哨站', '前哨']);
    expect(stationPlaceNames('站')).toEqual(['站']);
  });

  it('takes the longest name the address contains: a spot or a grid before its station', () => {
    expect(placeInAddress('崇明区东平镇东平森林公园停车场旁', places)).toMatchObject({ gridCode: '310151115001012' });
    expect(placeInAddress('东风农场森林公园北门对面', places)).toMatchObject({ name: '森林公园北门', gridCode: '310151115001011' });
    expect(placeInAddress('东风2号网格内某处', places)).toMatchObject({ gridCode: '310151115001002' });
  });

  it('locates to a station only when the address names nothing finer', () => {
    expect(placeInAddress('前哨社区某小区门口', places)).toEqual({ name: '前哨', gridCode: null, stationCode: 'QS' });
  });

  it('guesses nothing: no name, or only a one-character one, gives no place', () => {
    expect(placeInAddress('崇明区某路 88 号', places)).toBeNull();
    expect(placeInAddress('', places)).toBeNull();
  });

  it('prefers a grid to a station of the same length', () => {
    const tie: Place[] = [
      { name: '长江', gridCode: null, stationCode: 'CJ' },
      { name: '长江', gridCode: '310151115003001', stationCode: 'CJ' },
    ];
    expect(placeInAddress('长江路口', tie)?.gridCode).toBe('310151115003001');
  });
});
