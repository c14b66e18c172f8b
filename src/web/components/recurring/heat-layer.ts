/**
 * The recurring-problem heat over the grid map: one hexagon per H3 cell with cases, coloured by how
 * many, a tooltip with the count, and a click that opens the record kept there (if any). Outside
 * Vue's reactivity, like the GridMap it draws on.
 */
import L from 'leaflet';
import type { RecurringHeatDto } from '../../api/recurring.js';
import { heatColour } from './heat-colour.js';

export type HeatCell = RecurringHeatDto['cells'][number];

export interface HeatLayerOptions {
  countLabel: (n: number) => string;
  onPick: (cell: HeatCell) => void;
}

export class HeatLayer {
  private readonly group = L.layerGroup();
  private readonly byCell = new Map<string, L.Polygon>();

  constructor(private readonly map: L.Map, private readonly options: HeatLayerOptions) {
    this.group.addTo(map);
  }

  show(cells: readonly HeatCell[]): void {
    this.group.clearLayers();
    this.byCell.clear();
    const max = Math.max(1, ...cells.map((c) => c.count));
    // the busiest last, so they lie on top
    for (const c of [...cells].sort((a, b) => a.count - b.count)) {
      const colour = heatColour(c.count, max);
      const active = c.activeRecords.length > 0;
      const polygon = L.polygon(
        c.boundary.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
        { color: active ? '#7a0019' : colour, weight: active ? 2 : 1, fillColor: colour, fillOpacity: 0.72, className: `heat-cell${active ? ' heat-cell-active' : ''}` },
      );
      polygon.bindTooltip(this.options.countLabel(c.count), { sticky: true, direction: 'top' });
      polygon.on('click', () => this.options.onPick(c));
      polygon.addTo(this.group);
      this.byCell.set(c.cell, polygon);
    }
  }

  /** Frames the cells with cases (still showing the streets around them); the whole town when there are none. */
  fitCells(): void {
    const bounds = L.latLngBounds([]);
    for (const p of this.byCell.values()) bounds.extend(p.getBounds());
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [60, 60], maxZoom: 14 });
  }

  /** Brings a place into view: a cell of the heat, or a point (a grid record's place). */
  focus(cell: string | null, centre: [number, number] | null): void {
    const polygon = cell ? this.byCell.get(cell) : undefined;
    if (polygon) {
      polygon.bringToFront();
      this.map.fitBounds(polygon.getBounds(), { padding: [80, 80], maxZoom: 16 });
    } else if (centre) {
      this.map.setView([centre[1], centre[0]], Math.max(this.map.getZoom(), 14));
    }
  }

  destroy(): void {
    this.group.remove();
  }
}
