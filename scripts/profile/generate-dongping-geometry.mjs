#!/usr/bin/env node
/**
 * Generates the Dongping (东平镇, 310151115) town geometry: boundary.geojson, stations.geojson and
 * grids.geojson in profiles/dongping/.
 *
 * ILLUSTRATIVE GEOMETRY, NOT SURVEY DATA (示意边界，非测绘成果). The outlines are hand-drawn from the
 * facts in shared/reference/dongping.md: farm tracts strung along the north shore of 崇明岛
 * (东风 around the 东平国家森林公园 centred 121.4815 E 31.6768 N, then 长江, then 前进), the 前哨
 * exclave at the island's east end, a total area of about 119.7 km², and the 2021 花博会 site north of
 * the forest park. Nothing here was traced from a map; do not use it for anything that needs real
 * boundaries.
 *
 * How it is built, so the three files tile each other exactly:
 *   1. the tracts are drawn as polygons with 6-decimal vertices (WGS84 [lng, lat]);
 *   2. every station split line and every grid lattice line is axis-aligned on a 6-decimal value, and
 *      the points where those lines cross a tract's edges are inserted into the tract rings first, so
 *      clipping never has to invent a vertex that rounding could move (shared edges stay identical);
 *   3. stations = boundary ∩ station region, grids = station ∩ lattice cell (polygon-clipping); pieces
 *      under 0.05 km² are merged into the neighbour they share the longest edge with;
 *   4. the temporary station HBY (花博园区) is the union of the DF/FW grids it takes over.
 * The script then self-checks the result (overlaps, gaps, containment, validity) and exits non-zero
 * if any check fails.
 *
 * Regenerate:  node scripts/profile/generate-dongping-geometry.mjs
 * (from the repository root; it overwrites the three files and prints the areas and checks).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping from 'polygon-clipping';
import { area as turfArea } from '@turf/area';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles', 'dongping');
const TOWN_CODE = '310151115';
const EXPECTED_AREA_KM2 = 119.7;
const SLIVER_KM2 = 0.05;
const EPS_KM2 = 1e-6;
/** the point the profile codes promise is in DF */
const DF_POINT = [121.47, 31.68];

// ---------------------------------------------------------------------------------------------
// 1. The tracts (counter-clockwise outer rings; north edges roughly follow the shore line)
// ---------------------------------------------------------------------------------------------

/** 东风 tract (DF + FW): the forest park sits in its south middle, the expo park north of it. */
const DONGFENG_TRACT = [
  [121.4405, 31.7006],
  [121.4462, 31.6991],
  [121.4521, 31.6968],
  [121.4575, 31.6725],
  [121.4625, 31.6650],
  [121.4805, 31.6638],
  [121.4925, 31.6645],
  [121.5005, 31.6712],
  [121.5090, 31.6752],
  [121.5173, 31.6806],
  [121.5189, 31.6938],
  [121.5178, 31.7109],
  [121.5117, 31.7191],
  [121.5042, 31.7222],
  [121.4884, 31.7253],
  [121.4721, 31.7279],
  [121.4553, 31.7293],
  [121.4478, 31.7279],
  [121.4401, 31.7258],
];

/** 长江 tract (CJ + GL): the middle of the north shore. */
const CHANGJIANG_TRACT = [
  [121.5475, 31.6965],
  [121.5612, 31.6933],
  [121.5768, 31.6908],
  [121.5935, 31.6886],
  [121.6115, 31.6851],
  [121.6291, 31.6812],
  [121.6446, 31.6771],
  [121.6592, 31.6742],
  [121.6618, 31.6845],
  [121.6605, 31.7002],
  [121.6448, 31.7055],
  [121.6283, 31.7103],
  [121.6118, 31.7146],
  [121.5941, 31.7181],
  [121.5763, 31.7213],
  [121.5608, 31.7236],
  [121.5479, 31.7241],
];

/** 前进 tract (QJ): east of 长江, where the shore turns south-east. */
const QIANJIN_TRACT = [
  [121.6752, 31.6672],
  [121.6905, 31.6621],
  [121.7072, 31.6568],
  [121.7238, 31.6516],
  [121.7405, 31.6461],
  [121.7563, 31.6405],
  [121.7702, 31.6351],
  [121.7761, 31.6472],
  [121.7748, 31.6538],
  [121.7612, 31.6609],
  [121.7451, 31.6678],
  [121.7283, 31.6742],
  [121.7112, 31.6801],
  [121.6938, 31.6853],
  [121.6771, 31.6888],
];

/** 前哨 exclave (QS): the former 东旺沙 at the island's east end, a band along the north-east shore. */
const QIANSHAO_TRACT = [
  [121.8362, 31.5952],
  [121.8495, 31.5861],
  [121.8641, 31.5764],
  [121.8788, 31.5662],
  [121.8932, 31.5558],
  [121.9078, 31.5457],
  [121.9161, 31.5422],
  [121.9262, 31.5498],
  [121.9247, 31.5570],
  [121.9112, 31.5679],
  [121.8968, 31.5776],
  [121.8821, 31.5870],
  [121.8673, 31.5959],
  [121.8522, 31.6040],
  [121.8389, 31.6071],
];

// ---------------------------------------------------------------------------------------------
// 2. Station regions and grid lattices (all lines axis-aligned, 6-decimal values)
// ---------------------------------------------------------------------------------------------

/** Far enough outside every tract that a region box never cuts a tract by accident. */
const SOUTH = 31.5;
const NORTH = 31.8;
const box = (x0, y0, x1, y1) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

/** DF/FW split along a farm road at 121.49; the expo park straddles it. */
const DF_FW_X = 121.49;
/** CJ/GL split: a staircase along two field roads. */
const CJ_GL_X_SOUTH = 121.6025;
const CJ_GL_X_NORTH = 121.598;
const CJ_GL_STEP_Y = 31.7;

/** The 花博园 expo park (HBY takes these lattice cells over): x 121.462–121.50, y 31.682–31.708. */
const HBY_BOX = { x0: 121.462, y0: 31.682, x1: 121.5, y1: 31.708 };

const pairs = (values) => values.slice(1).map((v, i) => [values[i], v]);
/**
 * Lattice cells [x0, y0, x1, y1] from bands of rows: [y0, y1, [x breaks]]. Cells come out in
 * numbering order: north band first, west to east within a band.
 */
const rows = (bands) =>
  bands
    .flatMap(([y0, y1, xs]) => pairs(xs).map(([x0, x1]) => [x0, y0, x1, y1]))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
/** Cells from columns: [x0, x1, [y breaks]], for tracts that run diagonally; numbered west to east, north first. */
const columns = (bands) =>
  bands
    .flatMap(([x0, x1, ys]) => pairs(ys).map(([y0, y1]) => [x0, y0, x1, y1]))
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);

const STATIONS = [
  {
    code: 'DF',
    name: '东风',
    community: '001',
    region: box(121.4, SOUTH, DF_FW_X, NORTH),
    cells: rows([
      [SOUTH, 31.682, [121.4, 121.476, DF_FW_X]],
      [31.682, 31.695, [121.4, 121.462, 121.476, DF_FW_X]],
      [31.695, 31.708, [121.4, 121.462, 121.476, DF_FW_X]],
      [31.708, NORTH, [121.4, 121.452, 121.466, 121.478, DF_FW_X]],
    ]),
  },
  {
    code: 'FW',
    name: '风伟',
    community: '002',
    region: box(DF_FW_X, SOUTH, 121.54, NORTH),
    cells: rows([
      [SOUTH, 31.682, [DF_FW_X, 121.54]],
      [31.682, 31.695, [DF_FW_X, 121.5, 121.54]],
      [31.695, 31.708, [DF_FW_X, 121.5, 121.54]],
      [31.708, NORTH, [DF_FW_X, 121.504, 121.54]],
    ]),
  },
  {
    code: 'CJ',
    name: '长江',
    community: '003',
    region: [
      [
        [121.54, SOUTH],
        [CJ_GL_X_SOUTH, SOUTH],
        [CJ_GL_X_SOUTH, CJ_GL_STEP_Y],
        [CJ_GL_X_NORTH, CJ_GL_STEP_Y],
        [CJ_GL_X_NORTH, NORTH],
        [121.54, NORTH],
        [121.54, SOUTH],
      ],
    ],
    cells: rows([
      [SOUTH, 31.705, [121.54, 121.5615, 121.5815, CJ_GL_X_SOUTH]],
      [31.705, NORTH, [121.54, 121.5615, 121.5815, CJ_GL_X_SOUTH]],
    ]),
  },
  {
    code: 'GL',
    name: '桂林',
    community: '004',
    region: [
      [
        [CJ_GL_X_SOUTH, SOUTH],
        [121.67, SOUTH],
        [121.67, NORTH],
        [CJ_GL_X_NORTH, NORTH],
        [CJ_GL_X_NORTH, CJ_GL_STEP_Y],
        [CJ_GL_X_SOUTH, CJ_GL_STEP_Y],
        [CJ_GL_X_SOUTH, SOUTH],
      ],
    ],
    cells: rows([
      [SOUTH, 31.692, [CJ_GL_X_NORTH, 121.6215, 121.6405, 121.67]],
      [31.692, NORTH, [CJ_GL_X_NORTH, 121.613, 121.628, 121.643, 121.67]],
    ]),
  },
  {
    code: 'QJ',
    name: '前进',
    community: '005',
    region: box(121.67, SOUTH, 121.79, NORTH),
    cells: columns([
      [121.67, 121.6935, [SOUTH, 31.675, NORTH]],
      [121.6935, 121.7125, [SOUTH, 31.67, NORTH]],
      [121.7125, 121.7315, [SOUTH, 31.664, NORTH]],
      [121.7315, 121.7505, [SOUTH, 31.658, NORTH]],
      [121.7505, 121.79, [SOUTH, 31.651, NORTH]],
    ]),
  },
  {
    code: 'QS',
    name: '前哨',
    community: '006',
    region: box(121.82, SOUTH, 121.94, NORTH),
    cells: columns(
      pairs([121.82, 121.851, 121.8655, 121.88, 121.8945, 121.909, 121.94]).map(([x0, x1]) => [x0, x1, [SOUTH, NORTH]]),
    ),
  },
];

/** Landmark names for a few grids; the rest are numbered '<station>N号网格'. Keyed by a point inside. */
const LANDMARKS = [
  { at: [121.4815, 31.6768], name: '东平森林公园网格' },
  { at: [121.469, 31.7015], name: '花博园西北网格' },
  { at: [121.483, 31.7015], name: '花博园东北网格' },
  { at: [121.469, 31.6885], name: '花博园西南网格' },
  { at: [121.483, 31.6885], name: '花博园东南网格' },
  { at: [121.495, 31.7015], name: '花博园北门网格' },
  { at: [121.495, 31.6885], name: '花博园南门网格' },
  { at: [121.446, 31.715], name: '北沿公路西段网格' },
  { at: [121.51, 31.715], name: '北沿公路东段网格' },
  { at: [121.872, 31.582], name: '前哨公路网格' },
  { at: [121.918, 31.553], name: '东旺沙网格' },
];

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

const round6 = (v) => Math.round(v * 1e6) / 1e6;
const km2 = (multi) => (multi.length === 0 ? 0 : turfArea({ type: 'MultiPolygon', coordinates: multi }) / 1e6);
const close = (ring) => [...ring, ring[0]];

/** Signed shoelace area (positive = counter-clockwise) in degree², enough for orientation. */
function signedArea(ring) {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/**
 * Inserts into a closed ring every point where an edge crosses one of the vertical lines xs or the
 * horizontal lines ys, with the line's own coordinate exact and the other rounded to 6 decimals.
 * After this, clipping by those lines only ever meets existing vertices.
 */
function refineRing(ring, xs, ys) {
  const out = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    out.push([ax, ay]);
    const cuts = [];
    for (const x of xs) {
      if ((ax - x) * (bx - x) < 0) {
        const t = (x - ax) / (bx - ax);
        cuts.push({ t, p: [x, round6(ay + t * (by - ay))] });
      }
    }
    for (const y of ys) {
      if ((ay - y) * (by - y) < 0) {
        const t = (y - ay) / (by - ay);
        cuts.push({ t, p: [round6(ax + t * (bx - ax)), y] });
      }
    }
    cuts.sort((a, b) => a.t - b.t);
    for (const c of cuts) {
      const last = out[out.length - 1];
      if (last[0] !== c.p[0] || last[1] !== c.p[1]) out.push(c.p);
    }
  }
  out.push(out[0]);
  return out;
}

/** Rounds, drops repeated points, and orients rings per RFC 7946 (outer CCW, holes CW). */
function normalize(multi) {
  const result = [];
  for (const poly of multi) {
    const rings = [];
    poly.forEach((ring, index) => {
      const r = [];
      for (const [x, y] of ring) {
        const p = [round6(x), round6(y)];
        const last = r[r.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
      }
      if (r.length < 4) return;
      const ccw = signedArea(r) > 0;
      if ((index === 0) !== ccw) r.reverse();
      rings.push(r);
    });
    if (rings.length > 0) result.push(rings);
  }
  return result;
}

function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const pointInMulti = (pt, multi) =>
  multi.some((poly) => pointInRing(pt, poly[0]) && !poly.slice(1).some((hole) => pointInRing(pt, hole)));

function perimeterDeg(multi) {
  let s = 0;
  for (const poly of multi)
    for (const ring of poly)
      for (let i = 0; i < ring.length - 1; i++) s += Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]);
  return s;
}
/** Length (degrees) of the boundary two touching polygons share. */
const sharedEdge = (a, b) => (perimeterDeg(a) + perimeterDeg(b) - perimeterDeg(polygonClipping.union(a, b))) / 2;

function bboxOf(multi) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of multi)
    for (const [x, y] of poly[0]) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  return b;
}
const bboxesMeet = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

// ---------------------------------------------------------------------------------------------
// 3. Build boundary, stations, grids
// ---------------------------------------------------------------------------------------------

// every line a region or a cell is cut along
const allXs = [
  ...new Set(STATIONS.flatMap((s) => [...s.region[0].map((p) => p[0]), ...s.cells.flatMap((c) => [c[0], c[2]])])),
];
const allYs = [
  ...new Set(STATIONS.flatMap((s) => [...s.region[0].map((p) => p[1]), ...s.cells.flatMap((c) => [c[1], c[3]])])),
];
const tracts = [DONGFENG_TRACT, CHANGJIANG_TRACT, QIANJIN_TRACT, QIANSHAO_TRACT].map((t) => [
  refineRing(close(t), allXs, allYs),
]);
const boundary = normalize(polygonClipping.union(...tracts.map((t) => [t])));

const stationGeoms = new Map();
const grids = [];
for (const station of STATIONS) {
  const geom = normalize(polygonClipping.intersection(boundary, station.region));
  stationGeoms.set(station.code, geom);
  const pieces = [];
  station.cells.forEach(([x0, y0, x1, y1], cellIndex) => {
    for (const poly of normalize(polygonClipping.intersection(geom, box(x0, y0, x1, y1)))) {
      pieces.push({ geom: [poly], cellIndex, west: bboxOf([poly])[0] });
    }
  });
  // merge slivers, smallest first, into the neighbour with the longest shared edge
  const bySize = (a, b) => km2(a.geom) - km2(b.geom);
  pieces.sort(bySize);
  while (pieces.length > 1 && km2(pieces[0].geom) < SLIVER_KM2) {
    const sliver = pieces.shift();
    let best = -1;
    let bestLen = 0;
    pieces.forEach((p, k) => {
      const len = bboxesMeet(bboxOf(p.geom), bboxOf(sliver.geom)) ? sharedEdge(p.geom, sliver.geom) : 0;
      if (len > bestLen + 1e-12) [best, bestLen] = [k, len];
    });
    if (best < 0) throw new Error(`station ${station.code}: a sliver touches no neighbour`);
    pieces[best].geom = normalize(polygonClipping.union(pieces[best].geom, sliver.geom));
    pieces.sort(bySize);
  }
  // number grids in cell order (see rows/columns), west to east among the parts of one cell
  pieces.sort((a, b) => a.cellIndex - b.cellIndex || a.west - b.west);
  pieces.forEach((g, k) => {
    const seq = String(k + 1).padStart(3, '0');
    const landmark = LANDMARKS.find((l) => pointInMulti(l.at, g.geom));
    grids.push({
      // GB/T 30428.1: 310151 county + 115 town + 3-digit community + 3-digit sequence
      code: `${TOWN_CODE}${station.community}${seq}`,
      name: landmark ? landmark.name : `${station.name}${k + 1}号网格`,
      stationCode: station.code,
      geom: g.geom,
    });
  });
}

const hbyGrids = grids.filter((g) => {
  if (g.stationCode !== 'DF' && g.stationCode !== 'FW') return false;
  const b = bboxOf(g.geom);
  return b[0] >= HBY_BOX.x0 && b[2] <= HBY_BOX.x1 && b[1] >= HBY_BOX.y0 && b[3] <= HBY_BOX.y1;
});
const hbyGeom = normalize(polygonClipping.union(...hbyGrids.map((g) => g.geom)));

// ---------------------------------------------------------------------------------------------
// 4. Write the files
// ---------------------------------------------------------------------------------------------

const geometry = (multi) =>
  multi.length === 1 ? { type: 'Polygon', coordinates: multi[0] } : { type: 'MultiPolygon', coordinates: multi };

/** 1-space JSON, but each [lng, lat] position kept on one line so diffs stay readable. */
function format(value) {
  return (
    JSON.stringify(value, null, 1).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]') + '\n'
  );
}

const boundaryFeature = {
  type: 'Feature',
  properties: {
    code: TOWN_CODE,
    name: '东平镇',
    illustrative: true,
    note: '示意边界，非测绘成果 (illustrative outline, not survey data)',
  },
  geometry: { type: 'MultiPolygon', coordinates: boundary },
};
const stationFeatures = [
  ...STATIONS.map((s) => ({
    type: 'Feature',
    properties: { code: s.code, name: s.name, illustrative: true },
    geometry: geometry(stationGeoms.get(s.code)),
  })),
  {
    type: 'Feature',
    properties: { code: 'HBY', name: '花博园区', temporary: true },
    geometry: geometry(hbyGeom),
  },
];
const gridFeatures = grids.map((g) => ({
  type: 'Feature',
  properties: { code: g.code, name: g.name, stationCode: g.stationCode },
  geometry: geometry(g.geom),
}));

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'boundary.geojson'), format(boundaryFeature));
writeFileSync(join(OUT_DIR, 'stations.geojson'), format({ type: 'FeatureCollection', features: stationFeatures }));
writeFileSync(join(OUT_DIR, 'grids.geojson'), format({ type: 'FeatureCollection', features: gridFeatures }));

// ---------------------------------------------------------------------------------------------
// 5. Report and self-check
// ---------------------------------------------------------------------------------------------

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
const f3 = (v) => v.toFixed(3);

console.log('station  grids  area km²');
for (const s of STATIONS) {
  const own = grids.filter((g) => g.stationCode === s.code);
  console.log(`${s.code.padEnd(8)} ${String(own.length).padStart(5)}  ${f3(km2(stationGeoms.get(s.code)))}`);
}
const totalKm2 = km2(boundary);
console.log(`HBY      ${String(hbyGrids.length).padStart(5)}  ${f3(km2(hbyGeom))} (temporary, taken over from DF/FW)`);
console.log(`total    ${String(grids.length).padStart(5)}  ${f3(totalKm2)} (reference 119.7)`);
console.log(`HBY takeover grids: ${hbyGrids.map((g) => g.code).join(', ')}`);
console.log('');

check(Math.abs(totalKm2 - EXPECTED_AREA_KM2) / EXPECTED_AREA_KM2 <= 0.05, `total area ${f3(totalKm2)} km² within ±5 % of 119.7`);
check(grids.length >= 35 && grids.length <= 60, `${grids.length} grids (35–60)`);
for (const s of STATIONS) {
  const n = grids.filter((g) => g.stationCode === s.code).length;
  const [lo, hi] = s.code === 'QS' ? [4, 8] : [3, Infinity];
  if (n < lo || n > hi) check(false, `station ${s.code} has ${n} grids`);
}
check(new Set(grids.map((g) => g.code)).size === grids.length && grids.every((g) => /^\d{15}$/.test(g.code)), 'grid codes are unique 15-digit codes');

let maxOverlap = 0;
for (let i = 0; i < grids.length; i++) {
  for (let j = i + 1; j < grids.length; j++) {
    if (!bboxesMeet(bboxOf(grids[i].geom), bboxOf(grids[j].geom))) continue;
    maxOverlap = Math.max(maxOverlap, km2(polygonClipping.intersection(grids[i].geom, grids[j].geom)));
  }
}
check(maxOverlap < EPS_KM2, `largest pairwise grid overlap ${maxOverlap.toExponential(2)} km²`);

const gridUnion = polygonClipping.union(...grids.map((g) => g.geom));
const gap = km2(polygonClipping.difference(boundary, gridUnion));
const spill = km2(polygonClipping.difference(gridUnion, boundary));
check(gap < EPS_KM2, `boundary minus union of grids ${gap.toExponential(2)} km²`);
check(spill < EPS_KM2, `union of grids minus boundary ${spill.toExponential(2)} km²`);

let containment = true;
for (const g of grids) {
  const homes = STATIONS.filter((s) => km2(polygonClipping.difference(g.geom, stationGeoms.get(s.code))) < EPS_KM2);
  if (homes.length !== 1 || homes[0].code !== g.stationCode) {
    containment = false;
    console.log(`  grid ${g.code} lies inside ${homes.map((s) => s.code).join('+') || 'no station'}`);
  }
}
check(containment, 'each grid lies inside exactly one station, its own');

let stationsTiled = true;
for (const s of STATIONS) {
  const own = grids.filter((g) => g.stationCode === s.code).map((g) => g.geom);
  const union = polygonClipping.union(...own);
  const diff = km2(polygonClipping.xor(union, stationGeoms.get(s.code)));
  if (diff >= EPS_KM2) {
    stationsTiled = false;
    console.log(`  station ${s.code}: union of grids differs by ${diff} km²`);
  }
}
check(stationsTiled, "each station is exactly the union of its grids");

let stationOverlap = 0;
for (let i = 0; i < STATIONS.length; i++)
  for (let j = i + 1; j < STATIONS.length; j++)
    stationOverlap = Math.max(
      stationOverlap,
      km2(polygonClipping.intersection(stationGeoms.get(STATIONS[i].code), stationGeoms.get(STATIONS[j].code))),
    );
const stationGap = km2(polygonClipping.xor(boundary, polygonClipping.union(...stationGeoms.values())));
check(stationOverlap < EPS_KM2 && stationGap < EPS_KM2, 'permanent stations tile the boundary');

check(pointInMulti(DF_POINT, stationGeoms.get('DF')), 'point 121.47 E 31.68 N is inside DF');
check(!pointInMulti(DF_POINT, hbyGeom), 'point 121.47 E 31.68 N stays in DF while HBY is valid');
check(pointInMulti([121.4815, 31.6768], stationGeoms.get('DF')), 'forest park centre 121.4815 E 31.6768 N is inside DF');
check(pointInMulti([121.48, 31.69], hbyGeom), 'HBY covers 121.48 E 31.69 N');
// the park is 1.7 km east–west and 1.4–2.8 km north–south around its centre (reference §5)
const parkBox = box(121.4725, 31.665, 121.4905, 31.688);
check(
  km2(polygonClipping.difference(parkBox, polygonClipping.union(stationGeoms.get('DF'), stationGeoms.get('FW')))) < EPS_KM2,
  '东平国家森林公园 (approx. 121.4725–121.4905 E, 31.665–31.688 N) lies inside DF/FW',
);
check(hbyGrids.length > 0 && Math.abs(km2(hbyGeom) - 10) <= 1.5, `HBY area ${f3(km2(hbyGeom))} km² is about 10`);

// validity: rounded coordinates, closed rings, orientation, no self-intersections
function properCross(a, b, c, d) {
  const o = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = o(a, b, c);
  const o2 = o(a, b, d);
  const o3 = o(c, d, a);
  const o4 = o(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  // collinear overlap of two non-adjacent edges also makes a ring invalid
  const onSeg = (p, q, r) =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return (o1 === 0 && onSeg(a, b, c)) || (o2 === 0 && onSeg(a, b, d)) || (o3 === 0 && onSeg(c, d, a)) || (o4 === 0 && onSeg(c, d, b));
}
function validityProblems(multi) {
  const problems = [];
  for (const poly of multi) {
    poly.forEach((ring, index) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) problems.push('open or short ring');
      if ((signedArea(ring) > 0) !== (index === 0)) problems.push('wrong ring orientation');
      if (ring.some(([x, y]) => round6(x) !== x || round6(y) !== y)) problems.push('unrounded coordinate');
    });
    const edges = poly.flatMap((ring, r) => ring.slice(0, -1).map((p, i) => ({ a: p, b: ring[i + 1], r, i, n: ring.length - 1 })));
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 1; j < edges.length; j++) {
        const e = edges[i];
        const f = edges[j];
        const adjacent = e.r === f.r && (Math.abs(e.i - f.i) === 1 || Math.abs(e.i - f.i) === e.n - 1);
        if (adjacent) continue;
        if (properCross(e.a, e.b, f.a, f.b)) problems.push(`edges cross near ${e.a}`);
      }
    }
  }
  return problems;
}
const allGeoms = [
  ['boundary', boundary],
  ...stationFeatures.map((f) => [`station ${f.properties.code}`, f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates]),
  ...grids.map((g) => [`grid ${g.code}`, g.geom]),
];
let valid = true;
for (const [label, multi] of allGeoms) {
  const problems = validityProblems(multi);
  if (problems.length > 0) {
    valid = false;
    console.log(`  ${label}: ${[...new Set(problems)].join('; ')}`);
  }
}
check(valid, 'all polygons valid (closed, RFC 7946 orientation, 6 decimals, no self-intersections)');

const [bx0, by0, bx1, by1] = bboxOf(boundary);
check(bx0 >= 121.4 && by0 >= 31.54 && bx1 <= 121.93 && by1 <= 31.76, `boundary box ${[bx0, by0, bx1, by1].join(', ')} inside 121.40–121.93 E, 31.54–31.76 N`);

if (failures.length > 0) {
  console.error(`\n${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('\nall checks passed');
