/**
 * What every map of cases shares: a case's circle-marker style by deadline state, and its popup (the
 * case number opens the case page inside the app, then label：value lines). Used by 案件地图 and the
 * one screen (一屏观全镇).
 */
import type L from 'leaflet';
import { deadlineColours, type DeadlineState } from './open-cases.js';

/** One popup line: a label and its value. */
export interface PopupRow {
  label: string;
  value: string;
}

export function caseMarkerStyle(state: DeadlineState): L.CircleMarkerOptions {
  return {
    radius: state === 'red' ? 8 : 7,
    color: '#ffffff',
    weight: 2,
    fillColor: deadlineColours[state],
    fillOpacity: 0.95,
    className: `case-marker case-marker-${state}`,
  };
}

export interface CasePopupInput {
  id: string;
  caseNo: string;
  caseNoLabel: string;
  rows: readonly PopupRow[];
  /** open the case page inside the app (no full reload) */
  onOpenCase: (id: string) => void;
}

export function casePopup(input: CasePopupInput): HTMLElement {
  const box = document.createElement('div');
  box.className = 'case-popup';
  box.dataset.test = 'case-popup';
  const head = document.createElement('div');
  head.className = 'case-popup-head';
  const label = document.createElement('span');
  label.textContent = `${input.caseNoLabel}：`;
  const link = document.createElement('a');
  link.href = `/cases/${encodeURIComponent(input.id)}`;
  link.textContent = input.caseNo;
  link.dataset.test = 'popup-case-link';
  link.addEventListener('click', (e) => {
    // a modified click (new tab) is left to the browser
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    input.onOpenCase(input.id);
  });
  head.append(label, link);
  box.append(head);
  for (const row of input.rows) {
    const line = document.createElement('div');
    const k = document.createElement('span');
    k.className = 'case-popup-label';
    k.textContent = `${row.label}：`;
    const v = document.createElement('span');
    v.textContent = row.value;
    line.append(k, v);
    box.append(line);
  }
  return box;
}
