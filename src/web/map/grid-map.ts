/**
 * The town's grids drawn with Leaflet and no tile layer: the GeoJSON itself is the map, so it works
 * offline (DESIGN D3). Kept outside Vue's reactivity: Leaflet objects must not be proxied.
 */
import L from 'leaflet';
import './grid-map.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GridCollection, GridFeature } from '../api/organisation.js';

export type GridProps = GridFeature['properties'];

export interface GridMapOptions {
  colourOf: (stationCode: string) => string;
  onSelect: (grid: GridProps) => void;
  /** over the default grid style (e.g. thinner, darker edges on the dark screen) */
  baseStyle?: L.PathOptions;
  /** a click anywhere on the map, with where it was (the intake form picks the place this way) */
  onPoint?: (lng: number, lat: number) => void;
}

const base: L.PathOptions = { weight: 1, color: '#ffffff', opacity: 1, fillOpacity: 0.45 };
/** grid names are written on the map from this zoom on; below it they would only be clutter */
const labelZoom = 13.5;

export class GridMap {
  private readonly map: L.Map;
  private readonly layers = new Map<string, L.Polygon>();
  private readonly group: L.GeoJSON;
  private readonly labels = L.layerGroup();
  private selected: string | null = null;
  /** grids outside the current station filter are dimmed, not hidden: the town stays readable */
  private focus: Set<string> | null = null;
  private readonly base: L.PathOptions;
  private pin: L.CircleMarker | null = null;

  /** The Leaflet map, for layers drawn over the grids (e.g. the case markers). */
  get leaflet(): L.Map {
    return this.map;
  }

  constructor(element: HTMLElement, grids: GridCollection, private readonly options: GridMapOptions) {
    this.base = { ...base, ...options.baseStyle };
    this.map = L.map(element, { attributionControl: false, zoomSnap: 0.25, minZoom: 9, maxZoom: 18, preferCanvas: false });
    // The contract types geometry coordinates as unknown (the server validated them); Leaflet wants GeoJSON types.
    const collection = grids as unknown as FeatureCollection<Geometry, GridProps>;
    this.group = L.geoJSON(collection, {
      style: (f) => this.styleOf(f),
      onEachFeature: (f: Feature<Geometry, GridProps>, layer) => {
        const props = f.properties;
        this.layers.set(props.code, layer as L.Polygon);
        layer.bindTooltip(props.name, { sticky: true, direction: 'top', className: 'grid-tooltip' });
        layer.on('click', () => this.options.onSelect(props));
        const centre = (layer as L.Polygon).getBounds().getCenter();
        const icon = L.divIcon({ className: 'grid-label', html: escapeHtml(props.name), iconSize: undefined });
        L.marker(centre, { icon, interactive: false, keyboard: false }).addTo(this.labels);
      },
    }).addTo(this.map);
    this.map.on('zoomend', () => this.toggleLabels());
    const onPoint = options.onPoint;
    if (onPoint) this.map.on('click', (e: L.LeafletMouseEvent) => onPoint(round6(e.latlng.lng), round6(e.latlng.lat)));
    this.fitTown();
    this.toggleLabels();
  }

  private toggleLabels(): void {
    const show = this.map.getZoom() >= labelZoom;
    if (show && !this.map.hasLayer(this.labels)) this.labels.addTo(this.map);
    if (!show && this.map.hasLayer(this.labels)) this.labels.remove();
  }

  private styleOf(f: Feature<Geometry, GridProps> | undefined): L.PathOptions {
    if (!f) return this.base;
    const code = f.properties.code;
    const dimmed = this.focus !== null && !this.focus.has(code);
    const style: L.PathOptions = { ...this.base, fillColor: this.options.colourOf(f.properties.stationCode), fillOpacity: dimmed ? 0.08 : this.base.fillOpacity };
    if (code === this.selected) return { ...style, weight: 3, color: '#0c2d57', fillOpacity: 0.7 };
    return style;
  }

  private restyle(): void {
    this.group.setStyle((f) => this.styleOf(f as Feature<Geometry, GridProps> | undefined));
  }

  fitTown(): void {
    const bounds = this.group.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [16, 16] });
  }

  /** Highlight one grid and, when asked, bring it into view. */
  select(code: string | null, pan = false): void {
    this.selected = code;
    this.restyle();
    const layer = code ? this.layers.get(code) : undefined;
    if (layer) {
      layer.bringToFront();
      if (pan) this.map.fitBounds(layer.getBounds(), { padding: [60, 60], maxZoom: 15 });
    }
  }

  /** Show only some grids at full colour (a station's area) and zoom to them; null shows the whole town. */
  setFocus(codes: readonly string[] | null): void {
    this.focus = codes ? new Set(codes) : null;
    this.restyle();
    if (!codes || codes.length === 0) return this.fitTown();
    const bounds = L.latLngBounds([]);
    for (const c of codes) {
      const layer = this.layers.get(c);
      if (layer) bounds.extend(layer.getBounds());
    }
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [24, 24] });
  }

  /** A pin at a point (the place picked or typed), or none. */
  setPin(lng: number | null, lat: number | null): void {
    if (lng === null || lat === null) {
      this.pin?.remove();
      this.pin = null;
      return;
    }
    this.pin ??= L.circleMarker([lat, lng], { radius: 8, color: '#ffffff', weight: 2, fillColor: '#d93025', fillOpacity: 1, interactive: false }).addTo(this.map);
    this.pin.setLatLng([lat, lng]);
  }

  /** The container changed size (window resize, panel toggled). */
  resize(): void {
    this.map.invalidateSize();
  }

  destroy(): void {
    this.map.remove();
  }
}

/** six decimals: about 0.1 m, more than a click on a town map can mean */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
