import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.js';

describe('safeRedirect', () => {
  it('keeps a path inside the app, with its query', () => {
    expect(safeRedirect('/org/map?station=QS')).toBe('/org/map?station=QS');
    expect(safeRedirect(['/org/departments', '/x'])).toBe('/org/departments');
  });
  it('refuses other origins, protocol-relative and backslash tricks, and the login page itself', () => {
    expect(safeRedirect('https://evil.example/')).toBeNull();
    expect(safeRedirect('//evil.example/')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('/login?redirect=/')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
    expect(safeRedirect(42)).toBeNull();
  });
});
