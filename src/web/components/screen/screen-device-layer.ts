/**
 * The town's cameras and sensors on the screen's map: a square badge with a camera glyph for a
 * camera, a round badge with a signal glyph for a sensor; dark with a cyan glyph while normal, red and
 * pulsing (and drawn above the rest) while in alarm. Click → the device's summary with its open cases,
 * each linked to its case page. Markers are kept by device id and restyled in place on each snapshot.
 * Kept outside Vue's reactivity, like the grid map itself.
 */
import L from 'leaflet';
import type { DashboardDeviceDto } from '../../api/dashboard.js';
import type { GridMap } from '../../map/grid-map.js';
import type { PopupRow } from '../case-map/case-popup.js';

const cameraGlyph =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 7.5A1.5 1.5 0 0 1 4.5 6h9A1.5 1.5 0 0 1 15 7.5v9a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 3 16.5z"/><path d="M16 10.2 21 7v10l-5-3.2z"/></svg>';
const sensorGlyph =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="2.6"/><path d="M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4M5 5a10 10 0 0 0 0 14M19 5a10 10 0 0 1 0 14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

/** the glyphs, for the legend */
export const deviceGlyphs = { camera: cameraGlyph, sensor: sensorGlyph } as const;

export interface DeviceLayerOptions {
  /** the device's summary lines (kind, what it measures, place, state) */
  rowsOf: (d: DashboardDeviceDto) => PopupRow[];
  labels: { openCases: string; noCases: string; more: (n: number) => string };
  caseLine: (c: DashboardDeviceDto['cases'][number]) => string;
  onOpenCase: (id: string) => void;
}

interface Entry {
  marker: L.Marker;
  state: DashboardDeviceDto['state'];
}

export function deviceIcon(kind: DashboardDeviceDto['kind'], state: DashboardDeviceDto['state']): L.DivIcon {
  return L.divIcon({
    className: `screen-device screen-device-${kind} screen-device-${state}`,
    html: `<span class="badge">${kind === 'camera' ? cameraGlyph : sensorGlyph}</span>`,
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    popupAnchor: [0, -12],
  });
}

export class ScreenDeviceLayer {
  private readonly layer = L.layerGroup();
  private devices = new Map<string, DashboardDeviceDto>();
  private readonly markers = new Map<string, Entry>();

  constructor(gridMap: GridMap, private readonly options: DeviceLayerOptions) {
    this.layer.addTo(gridMap.leaflet);
  }

  update(devices: readonly DashboardDeviceDto[]): void {
    this.devices = new Map(devices.map((d) => [d.id, d]));
    for (const d of devices) {
      const had = this.markers.get(d.id);
      if (!had) {
        this.markers.set(d.id, { marker: this.markerOf(d), state: d.state });
        continue;
      }
      if (had.state !== d.state) {
        had.marker.setIcon(deviceIcon(d.kind, d.state));
        had.marker.setZIndexOffset(d.state === 'alarm' ? 1000 : 0);
        this.tag(had.marker, d);
        had.state = d.state;
      }
    }
    for (const [id, e] of this.markers) {
      if (this.devices.has(id)) continue;
      this.layer.removeLayer(e.marker);
      this.markers.delete(id);
    }
  }

  private markerOf(d: DashboardDeviceDto): L.Marker {
    const marker = L.marker([d.lat, d.lng], { icon: deviceIcon(d.kind, d.state), zIndexOffset: d.state === 'alarm' ? 1000 : 0, keyboard: true, title: d.name, alt: d.name });
    const id = d.id;
    // the popup reads the device as it is when opened
    marker.bindPopup(() => this.popupOf(this.devices.get(id) ?? d), { minWidth: 260, className: 'screen-popup' });
    marker.addTo(this.layer);
    this.tag(marker, d);
    return marker;
  }

  private tag(marker: L.Marker, d: DashboardDeviceDto): void {
    const el = marker.getElement();
    if (!el) return;
    el.dataset.deviceId = d.id;
    el.dataset.deviceKind = d.kind;
    el.dataset.deviceState = d.state;
  }

  private popupOf(d: DashboardDeviceDto): HTMLElement {
    const box = document.createElement('div');
    box.className = 'case-popup device-popup';
    box.dataset.test = 'device-popup';
    box.dataset.deviceId = d.id;
    const head = document.createElement('div');
    head.className = 'case-popup-head';
    head.textContent = `${d.name}（${d.id}）`;
    box.append(head);
    for (const row of this.options.rowsOf(d)) box.append(line(row.label, row.value));
    const title = document.createElement('div');
    title.className = 'case-popup-label';
    title.textContent = `${this.options.labels.openCases}：${d.openCases === 0 ? this.options.labels.noCases : d.openCases}`;
    box.append(title);
    for (const c of d.cases) {
      const item = document.createElement('div');
      const link = document.createElement('a');
      link.href = `/cases/${encodeURIComponent(c.id)}`;
      link.textContent = c.caseNo;
      link.dataset.test = 'device-case-link';
      link.className = `device-case device-case-${c.deadlineState}`;
      link.addEventListener('click', (e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        this.options.onOpenCase(c.id);
      });
      const rest = document.createElement('span');
      rest.textContent = ` ${this.options.caseLine(c)}`;
      item.append(link, rest);
      box.append(item);
    }
    if (d.openCases > d.cases.length) box.append(line('', this.options.labels.more(d.openCases - d.cases.length)));
    return box;
  }

  destroy(): void {
    this.layer.remove();
    this.markers.clear();
    this.devices.clear();
  }
}

function line(label: string, value: string): HTMLElement {
  const div = document.createElement('div');
  if (label) {
    const k = document.createElement('span');
    k.className = 'case-popup-label';
    k.textContent = `${label}：`;
    div.append(k);
  }
  const v = document.createElement('span');
  v.textContent = value;
  div.append(v);
  return div;
}
