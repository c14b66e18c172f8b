import { describe, expect, it } from 'vitest';
import { heatColour } from './heat-colour.js';

describe('heatColour', () => {
  it('runs from pale yellow (one case) to deep red (the busiest cell)', () => {
    expect(heatColour(1, 9)).toBe('#ffeda0');
    expect(heatColour(9, 9)).toBe('#bd0026');
  });
  it('is orange halfway on the square-root scale: 3 of 9 is sqrt(2/8) = 0.5', () => {
    expect(heatColour(3, 9)).toBe('#fd8d3c');
  });
  it('a lone cell is the busiest one', () => {
    expect(heatColour(1, 1)).toBe('#bd0026');
  });
});
