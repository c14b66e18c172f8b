/**
 * Grid clustering for the screen's map: points are binned into square cells of `cellPx` screen pixels
 * at the current zoom; a cell holding at least `minPoints` becomes one cluster (its count, centre and
 * worst deadline state), the rest stay single points. Pure: the caller projects lat/lng to pixels.
 */
export interface ClusterPoint<S extends string> {
  id: string;
  x: number;
  y: number;
  state: S;
}

export interface Cluster<S extends string> {
  /** stable while the same cell holds points at this zoom: the marker is updated, not redrawn */
  key: string;
  x: number;
  y: number;
  count: number;
  /** the most urgent state among the points, by `severity` order */
  state: S;
  ids: string[];
}

export interface Clustering<S extends string> {
  clusters: Cluster<S>[];
  singles: ClusterPoint<S>[];
}

export function clusterPoints<S extends string>(points: readonly ClusterPoint<S>[], cellPx: number, minPoints: number, severity: readonly S[]): Clustering<S> {
  const cells = new Map<string, ClusterPoint<S>[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellPx)}:${Math.floor(p.y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  const clusters: Cluster<S>[] = [];
  const singles: ClusterPoint<S>[] = [];
  const rank = (s: S) => {
    const i = severity.indexOf(s);
    return i < 0 ? severity.length : i;
  };
  for (const [key, members] of cells) {
    if (members.length < minPoints) {
      singles.push(...members);
      continue;
    }
    let x = 0;
    let y = 0;
    let state = members[0]!.state;
    for (const m of members) {
      x += m.x;
      y += m.y;
      if (rank(m.state) < rank(state)) state = m.state;
    }
    clusters.push({ key, x: x / members.length, y: y / members.length, count: members.length, state, ids: members.map((m) => m.id) });
  }
  return { clusters, singles };
}
