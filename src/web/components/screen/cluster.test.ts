import { describe, expect, it } from 'vitest';
import { clusterPoints, type ClusterPoint } from './cluster.js';

type S = 'red' | 'yellow' | 'green';
const severity: readonly S[] = ['red', 'yellow', 'green'];
const p = (id: string, x: number, y: number, state: S = 'green'): ClusterPoint<S> => ({ id, x, y, state });

describe('clusterPoints', () => {
  it('keeps sparse points single', () => {
    const r = clusterPoints([p('a', 0, 0), p('b', 100, 0), p('c', 0, 100)], 60, 3, severity);
    expect(r.clusters).toEqual([]);
    expect(r.singles.map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('joins a dense cell into one cluster at the points’ centre with the worst state', () => {
    const r = clusterPoints([p('a', 10, 10), p('b', 20, 30, 'yellow'), p('c', 30, 20, 'red'), p('far', 500, 500)], 60, 3, severity);
    expect(r.clusters).toEqual([{ key: '0:0', x: 20, y: 20, count: 3, state: 'red', ids: ['a', 'b', 'c'] }]);
    expect(r.singles.map((s) => s.id)).toEqual(['far']);
  });

  it('does not cluster below the threshold, even in one cell', () => {
    const r = clusterPoints([p('a', 1, 1), p('b', 2, 2)], 60, 3, severity);
    expect(r.clusters).toHaveLength(0);
    expect(r.singles).toHaveLength(2);
  });

  it('bins negative and fractional pixels by floor, so keys are stable', () => {
    const r = clusterPoints([p('a', -1, -1), p('b', -59, -30), p('c', -0.5, -59.9), p('d', 0, 0)], 60, 3, severity);
    expect(r.clusters.map((c) => [c.key, c.count])).toEqual([['-1:-1', 3]]);
    expect(r.singles.map((s) => s.id)).toEqual(['d']);
  });

  it('handles thousands of points in one pass', () => {
    const many = Array.from({ length: 5000 }, (_, i) => p(String(i), (i % 100) * 7, Math.floor(i / 100) * 7, i % 7 === 0 ? 'red' : 'green'));
    const r = clusterPoints(many, 70, 5, severity);
    expect(r.clusters.reduce((n, c) => n + c.count, 0) + r.singles.length).toBe(5000);
    expect(r.clusters.every((c) => c.state === 'red')).toBe(true);
  });
});
