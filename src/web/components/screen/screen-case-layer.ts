/**
 * The screen's open cases over the grid map: one circle per case, coloured by deadline, clustered per
 * grid cell when dense (cluster.ts). Markers are kept by case id (and clusters by cell) and updated in
 * place on each snapshot, so the map never redraws whole and nothing piles up over days.
 * Kept outside Vue's reactivity, like the grid map itself.
 */
import L from 'leaflet';
import type { DashboardMapCaseDto } from '../../api/dashboard.js';
import type { GridMap } from '../../map/grid-map.js';
import { caseMarkerStyle, casePopup, type PopupRow } from '../case-map/case-popup.js';
import { deadlineOrder } from '../case-map/open-cases.js';
import { clusterPoints } from './cluster.js';

type State = DashboardMapCaseDto['deadlineState'];

/** a cell of this many screen pixels … */
const CELL_PX = 56;
/** … holding at least this many cases is drawn as one cluster */
const MIN_CLUSTER = 6;

export interface ScreenCaseLayerOptions {
  caseNoLabel: string;
  rowsOf: (c: DashboardMapCaseDto) => PopupRow[];
  clusterLabel: (n: number) => string;
  onOpenCase: (id: string) => void;
}

interface Single {
  marker: L.CircleMarker;
  state: State;
  lat: number;
  lng: number;
}

interface ClusterMarker {
  marker: L.Marker;
  count: number;
  state: State;
  ids: string[];
}

export class ScreenCaseLayer {
  private readonly map: L.Map;
  private readonly layer = L.layerGroup();
  private cases = new Map<string, DashboardMapCaseDto>();
  private readonly singles = new Map<string, Single>();
  private readonly clusters = new Map<string, ClusterMarker>();
  private readonly onZoom = () => this.draw();

  constructor(gridMap: GridMap, private readonly options: ScreenCaseLayerOptions) {
    this.map = gridMap.leaflet;
    this.layer.addTo(this.map);
    this.map.on('zoomend', this.onZoom);
  }

  /** Shows this snapshot of the open cases: new ones appear, gone ones go, changed ones are restyled. */
  update(cases: readonly DashboardMapCaseDto[]): void {
    this.cases = new Map(cases.map((c) => [c.id, c]));
    this.draw();
  }

  /** how many cases the drawn markers stand for (singles plus cluster counts) */
  get drawnCount(): number {
    let n = this.singles.size;
    for (const c of this.clusters.values()) n += c.count;
    return n;
  }

  private draw(): void {
    const zoom = this.map.getZoom();
    const points = [...this.cases.values()].map((c) => {
      const p = this.map.project([c.lat, c.lng], zoom);
      return { id: c.id, x: p.x, y: p.y, state: c.deadlineState };
    });
    const { clusters, singles } = clusterPoints(points, CELL_PX, MIN_CLUSTER, deadlineOrder);

    const keepSingles = new Set<string>();
    for (const s of singles) {
      const c = this.cases.get(s.id)!;
      keepSingles.add(c.id);
      const had = this.singles.get(c.id);
      if (!had) {
        this.singles.set(c.id, this.singleOf(c));
        continue;
      }
      if (had.state !== c.deadlineState) {
        had.marker.setStyle(caseMarkerStyle(c.deadlineState));
        had.marker.setRadius(caseMarkerStyle(c.deadlineState).radius ?? 7);
        had.marker.getElement()?.setAttribute('class', `leaflet-interactive case-marker case-marker-${c.deadlineState}`);
        had.state = c.deadlineState;
      }
      if (had.lat !== c.lat || had.lng !== c.lng) {
        had.marker.setLatLng([c.lat, c.lng]);
        had.lat = c.lat;
        had.lng = c.lng;
      }
    }
    for (const [id, s] of this.singles) {
      if (keepSingles.has(id)) continue;
      this.layer.removeLayer(s.marker);
      this.singles.delete(id);
    }

    const keepClusters = new Set<string>();
    for (const c of clusters) {
      keepClusters.add(c.key);
      const at = this.map.unproject([c.x, c.y], zoom);
      const had = this.clusters.get(c.key);
      if (!had) {
        const entry: ClusterMarker = { marker: L.marker(at, { icon: this.clusterIcon(c.count, c.state), keyboard: false }), count: c.count, state: c.state, ids: c.ids };
        entry.marker.on('click', () => this.zoomInto(entry.ids));
        entry.marker.bindTooltip(this.options.clusterLabel(c.count), { direction: 'top' });
        entry.marker.addTo(this.layer);
        this.clusters.set(c.key, entry);
        continue;
      }
      had.marker.setLatLng(at);
      had.ids = c.ids;
      if (had.count !== c.count || had.state !== c.state) {
        had.marker.setIcon(this.clusterIcon(c.count, c.state));
        had.marker.setTooltipContent(this.options.clusterLabel(c.count));
        had.count = c.count;
        had.state = c.state;
      }
    }
    for (const [key, c] of this.clusters) {
      if (keepClusters.has(key)) continue;
      this.layer.removeLayer(c.marker);
      this.clusters.delete(key);
    }
  }

  private singleOf(c: DashboardMapCaseDto): Single {
    const marker = L.circleMarker([c.lat, c.lng], caseMarkerStyle(c.deadlineState));
    const id = c.id;
    // the popup reads the case as it is when opened, not as it was when the marker was made
    marker.bindPopup(() => {
      const now = this.cases.get(id) ?? c;
      return casePopup({ id, caseNo: now.caseNo, caseNoLabel: this.options.caseNoLabel, rows: this.options.rowsOf(now), onOpenCase: this.options.onOpenCase });
    }, { minWidth: 240, className: 'screen-popup' });
    marker.addTo(this.layer);
    marker.getElement()?.setAttribute('data-case-id', id);
    return { marker, state: c.deadlineState, lat: c.lat, lng: c.lng };
  }

  private clusterIcon(count: number, state: State): L.DivIcon {
    const size = count >= 100 ? 54 : count >= 20 ? 46 : 38;
    return L.divIcon({ className: `screen-cluster screen-cluster-${state}`, html: `<span data-count="${count}">${count}</span>`, iconSize: [size, size] });
  }

  private zoomInto(ids: readonly string[]): void {
    const bounds = L.latLngBounds([]);
    for (const id of ids) {
      const c = this.cases.get(id);
      if (c) bounds.extend([c.lat, c.lng]);
    }
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 17 });
  }

  destroy(): void {
    this.map.off('zoomend', this.onZoom);
    this.layer.remove();
    this.singles.clear();
    this.clusters.clear();
    this.cases.clear();
  }
}
