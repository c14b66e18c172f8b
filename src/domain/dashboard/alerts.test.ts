import { describe, expect, it } from 'vitest';
import { alertKindOf } from './alerts.js';

describe('alert ticker', () => {
  const open = { urgency: 'normal', status: 'handling' };
  it('calls out red, escalations and urgent reports of open cases only', () => {
    expect(alertKindOf({ ...open, action: 'escalate', data: { threshold: 'red' } })).toBe('red');
    expect(alertKindOf({ ...open, action: 'urge', data: { threshold: 'red' } })).toBe('red');
    expect(alertKindOf({ ...open, action: 'escalate', data: {} })).toBe('escalated');
    expect(alertKindOf({ ...open, action: 'urge', data: { threshold: 'yellow' } })).toBeNull();
    expect(alertKindOf({ ...open, urgency: 'urgent', action: 'report', data: {} })).toBe('urgent');
    expect(alertKindOf({ ...open, action: 'report', data: {} })).toBeNull();
    expect(alertKindOf({ urgency: 'urgent', status: 'closed', action: 'report', data: {} })).toBeNull();
  });
});
