import { describe, expect, it } from 'vitest';
import { intakeBody } from '../../../contracts/cases.js';
import { checkForm, emptyForm, placeProblems, toBody } from './intake-model.js';

const words = { required: 'R', needPlace: 'P', badNumber: 'N', bothCoords: 'B' };

describe('intake form', () => {
  it('needs the text and a place; both coordinates or neither', () => {
    expect(checkForm(emptyForm(), words)).toEqual({ description: 'R', address: 'P' });
    expect(checkForm({ ...emptyForm(), description: 'x', lng: '121.47' }, words)).toEqual({ lat: 'B' });
    expect(checkForm({ ...emptyForm(), description: 'x', lng: 'abc', lat: '31.68' }, words)).toEqual({ lng: 'N' });
    expect(checkForm({ ...emptyForm('police_110'), description: 'x', address: '东平镇' }, words)).toEqual({ policeKind: 'R' });
  });

  it('builds a body the server contract accepts, with the GCJ-02 toggle and the caller', () => {
    const body = toBody({ ...emptyForm(), externalId: ' 12345-001 ', description: ' 路边摆摊 ', lng: '121.47', lat: '31.68', gcj02: true, callerPhone: '13916720835', urgency: 'urgent' });
    expect(body).toEqual({
      channel: 'hotline_12345',
      channelData: { orderNo: '12345-001' },
      externalId: '12345-001',
      description: '路边摆摊',
      location: { lng: 121.47, lat: 31.68, crs: 'gcj02' },
      reporter: { phone: '13916720835' },
      urgency: 'urgent',
    });
    expect(intakeBody.safeParse(body).success).toBe(true);
    const police = toBody({ ...emptyForm('police_110'), policeKind: 'dispute', description: '邻里纠纷', address: '东平镇' });
    expect(police).toEqual({ channel: 'police_110', channelData: { kind: 'dispute' }, description: '邻里纠纷', address: '东平镇' });
    expect(intakeBody.safeParse(police).success).toBe(true);
  });

  it('puts the server field errors next to the right fields', () => {
    const e = placeProblems(
      [
        { field: 'body.reporter.phone', message: { zh: '电话格式不对', en: 'bad phone' } },
        { field: 'body.location', message: { zh: '不在本镇', en: 'outside' } },
        { field: 'body.channelData.kind', message: { zh: '必填', en: 'required' } },
        { field: 'body.whatever', message: { zh: '其他', en: 'other' } },
      ],
      'police_110',
      true,
    );
    expect(e).toEqual({ callerPhone: '电话格式不对', lng: '不在本镇', policeKind: '必填', form: '其他' });
  });
});
