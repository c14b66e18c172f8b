/**
 * What the screen's map shows besides the cases: each station's name over its grids, a temporary
 * station's area outlined (dashed) while it is in force, and the inspectors' last positions, updated
 * in place by inspector: solid where the phone's GPS put them, hollow where their latest report was
 * made, grey once stale; a click opens who, station and time. Kept outside Vue's reactivity.
 */
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GridCollection, StationDto } from '../../api/organisation.js';
import type { DashboardMapDto } from '../../api/dashboard.js';
import type { GridMap, GridProps } from '../../map/grid-map.js';
import type { PopupRow } from '../case-map/case-popup.js';

type Inspector = DashboardMapDto['inspectors'][number];

export interface InspectorText {
  /** the hover line */
  tooltipOf(i: Inspector): string;
  /** the popup's label：value lines under the name */
  rowsOf(i: Inspector): PopupRow[];
}

/** what an inspector's marker looks like: a solid (GPS) or hollow (report) diamond, grey when stale */
const iconClass = (i: Inspector): string => `screen-inspector ${i.source}${i.stale ? ' stale' : ''}`;
const versionOf = (i: Inspector): string => `${i.at}|${i.source}|${i.stale}|${i.lng},${i.lat}`;

export class ScreenOverlays {
  private readonly map: L.Map;
  private readonly stationLayer = L.layerGroup();
  private readonly inspectorLayer = L.layerGroup();
  private readonly inspectors = new Map<string, { marker: L.Marker; version: string; data: Inspector }>();

  constructor(gridMap: GridMap, grids: GridCollection, stations: readonly StationDto[], colourOf: (code: string) => string) {
    this.map = gridMap.leaflet;
    const features = grids.features as unknown as Feature<Geometry, GridProps>[];
    for (const s of stations) {
      if (!s.inForce) continue;
      const own = s.temporary ? features.filter((f) => s.takesOverGrids.includes(f.properties.code)) : features.filter((f) => f.properties.stationCode === s.code);
      if (own.length === 0) continue;
      const area = L.geoJSON({ type: 'FeatureCollection', features: own } as FeatureCollection<Geometry, GridProps>, {
        interactive: false,
        style: s.temporary ? { color: colourOf(s.code), weight: 3, dashArray: '8 6', fill: false } : { stroke: false, fill: false },
      });
      if (s.temporary) area.addTo(this.stationLayer);
      const icon = L.divIcon({ className: `screen-station-label${s.temporary ? ' temporary' : ''}`, html: escapeHtml(s.shortName), iconSize: undefined });
      L.marker(area.getBounds().getCenter(), { icon, interactive: false, keyboard: false }).addTo(this.stationLayer);
    }
    this.stationLayer.addTo(this.map);
    this.inspectorLayer.addTo(this.map);
  }

  /** The inspectors' last positions: moved, restyled, added or removed in place. */
  updateInspectors(list: readonly Inspector[], text: InspectorText): void {
    const keep = new Set<string>();
    for (const i of list) {
      keep.add(i.actorId);
      const had = this.inspectors.get(i.actorId);
      if (had) {
        had.data = i;
        const version = versionOf(i);
        if (had.version !== version) {
          had.marker.setLatLng([i.lat, i.lng]);
          had.marker.setIcon(this.iconOf(i));
          had.marker.setTooltipContent(text.tooltipOf(i));
          had.version = version;
          tag(had.marker, i);
        }
        continue;
      }
      // above the cases and their clusters: a person standing among many open cases stays clickable
      const marker = L.marker([i.lat, i.lng], { icon: this.iconOf(i), keyboard: false, title: i.name, zIndexOffset: 1000 })
        .bindTooltip(text.tooltipOf(i), { direction: 'top' })
        // the popup reads the inspector as last drawn when opened
        .bindPopup(() => inspectorPopup(this.inspectors.get(i.actorId)?.data ?? i, text), { minWidth: 220, className: 'screen-popup' });
      marker.addTo(this.inspectorLayer);
      tag(marker, i);
      this.inspectors.set(i.actorId, { marker, version: versionOf(i), data: i });
    }
    for (const [id, m] of this.inspectors) {
      if (keep.has(id)) continue;
      this.inspectorLayer.removeLayer(m.marker);
      this.inspectors.delete(id);
    }
  }

  private iconOf(i: Inspector): L.DivIcon {
    return L.divIcon({ className: iconClass(i), html: '<span></span>', iconSize: [18, 18], popupAnchor: [0, -10] });
  }

  destroy(): void {
    this.stationLayer.remove();
    this.inspectorLayer.remove();
    this.inspectors.clear();
  }
}

function tag(marker: L.Marker, i: Inspector): void {
  const el = marker.getElement();
  if (!el) return;
  el.dataset.test = 'inspector-marker';
  el.dataset.inspectorId = i.actorId;
  el.dataset.source = i.source;
  el.dataset.stale = String(i.stale);
}

function inspectorPopup(i: Inspector, text: InspectorText): HTMLElement {
  const box = document.createElement('div');
  box.className = 'case-popup inspector-popup';
  box.dataset.test = 'inspector-popup';
  const head = document.createElement('div');
  head.className = 'case-popup-head';
  head.textContent = i.name;
  box.append(head);
  for (const row of text.rowsOf(i)) {
    const div = document.createElement('div');
    if (row.label) {
      const k = document.createElement('span');
      k.className = 'case-popup-label';
      k.textContent = `${row.label}：`;
      div.append(k);
    }
    const v = document.createElement('span');
    v.textContent = row.value;
    div.append(v);
    box.append(div);
  }
  return box;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
