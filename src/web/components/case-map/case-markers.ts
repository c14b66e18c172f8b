/**
 * The open cases as circle markers over the grid map, coloured by deadline, each with a popup whose
 * case number opens the case page (where 就地处置 / 上报中心 are offered by allowedActions).
 * Kept outside Vue's reactivity, like the grid map itself.
 */
import L from 'leaflet';
import type { CaseSummaryDto } from '../../api/cases.js';
import type { GridMap } from '../../map/grid-map.js';
import { caseMarkerStyle, casePopup, type PopupRow } from './case-popup.js';

export interface CaseMarkerOptions {
  caseNoLabel: string;
  /** the popup's lines under the case number (category, status, lead unit, time) */
  rowsOf: (c: CaseSummaryDto) => PopupRow[];
  /** open the case page inside the app (no full reload) */
  onOpenCase: (id: string) => void;
}

export class CaseMarkers {
  private readonly map: L.Map;
  private readonly layer = L.featureGroup();
  private readonly markers = new Map<string, L.CircleMarker>();

  constructor(gridMap: GridMap, private readonly options: CaseMarkerOptions) {
    this.map = gridMap.leaflet;
    this.layer.addTo(this.map);
  }

  /** Replaces the markers; a popup left open on a case still shown is opened again. */
  show(cases: readonly CaseSummaryDto[]): void {
    const openId = [...this.markers].find(([, m]) => m.isPopupOpen())?.[0] ?? null;
    this.layer.clearLayers();
    this.markers.clear();
    for (const c of cases) {
      if (!c.location) continue;
      const marker = L.circleMarker([c.location.lat, c.location.lng], caseMarkerStyle(c.deadlineState));
      marker.bindPopup(() => this.popupOf(c), { minWidth: 220 });
      marker.bindTooltip(c.caseNo, { direction: 'top', offset: [0, -6] });
      marker.addTo(this.layer);
      this.markers.set(c.id, marker);
    }
    if (openId) this.markers.get(openId)?.openPopup();
  }

  /** Brings one case into view and opens its popup (a click on the side list). */
  focus(id: string): void {
    const marker = this.markers.get(id);
    if (!marker) return;
    this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), 15));
    marker.openPopup();
  }

  private popupOf(c: CaseSummaryDto): HTMLElement {
    return casePopup({ id: c.id, caseNo: c.caseNo, caseNoLabel: this.options.caseNoLabel, rows: this.options.rowsOf(c), onOpenCase: this.options.onOpenCase });
  }

  destroy(): void {
    this.layer.remove();
    this.markers.clear();
  }
}
