/**
 * What the screen's map shows besides the cases: each station's name over its grids, a temporary
 * station's area outlined (dashed) while it is in force, and the inspectors' last positions, updated
 * in place by inspector. Kept outside Vue's reactivity.
 */
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GridCollection, StationDto } from '../../api/organisation.js';
import type { DashboardMapDto } from '../../api/dashboard.js';
import type { GridMap, GridProps } from '../../map/grid-map.js';

type Inspector = DashboardMapDto['inspectors'][number];

export class ScreenOverlays {
  private readonly map: L.Map;
  private readonly stationLayer = L.layerGroup();
  private readonly inspectorLayer = L.layerGroup();
  private readonly inspectors = new Map<string, { marker: L.Marker; at: string }>();

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

  /** The inspectors' last positions: moved, added or removed in place. */
  updateInspectors(list: readonly Inspector[], tooltipOf: (i: Inspector) => string): void {
    const keep = new Set<string>();
    for (const i of list) {
      keep.add(i.actorId);
      const had = this.inspectors.get(i.actorId);
      if (had) {
        if (had.at !== i.at) {
          had.marker.setLatLng([i.lat, i.lng]);
          had.marker.setTooltipContent(tooltipOf(i));
          had.at = i.at;
        }
        continue;
      }
      const icon = L.divIcon({ className: 'screen-inspector', html: '<span></span>', iconSize: [18, 18] });
      const marker = L.marker([i.lat, i.lng], { icon, keyboard: false }).bindTooltip(tooltipOf(i), { direction: 'top' });
      marker.addTo(this.inspectorLayer);
      this.inspectors.set(i.actorId, { marker, at: i.at });
    }
    for (const [id, m] of this.inspectors) {
      if (keep.has(id)) continue;
      this.inspectorLayer.removeLayer(m.marker);
      this.inspectors.delete(id);
    }
  }

  destroy(): void {
    this.stationLayer.remove();
    this.inspectorLayer.remove();
    this.inspectors.clear();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
