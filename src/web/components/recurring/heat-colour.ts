/** The heat ramp of the recurring-problem map: pale yellow for one case, deep red for the busiest cell. */
const stops: Array<[number, [number, number, number]]> = [
  [0, [255, 237, 160]],
  [0.5, [253, 141, 60]],
  [1, [189, 0, 38]],
];

/** Colour of a cell with `count` cases when the busiest has `max` (ratio on a square-root scale, so a few hot spots do not wash out the rest). */
export function heatColour(count: number, max: number): string {
  const r = max <= 1 ? 1 : Math.sqrt(Math.max(0, count - 1) / (max - 1));
  const i = r >= stops[1]![0] ? 1 : 0;
  const [a, ca] = stops[i]!;
  const [b, cb] = stops[i + 1]!;
  const f = (r - a) / (b - a);
  const mix = ca.map((v, k) => Math.round(v + (cb[k]! - v) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
