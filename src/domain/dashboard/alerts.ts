/**
 * What the screen's alert ticker calls out (MISSION R8): a case gone red (the sweep's red urge or
 * escalation), any other escalation, and an urgent report — while the case is still open.
 */
export type AlertKind = 'red' | 'urgent' | 'escalated';

export interface AlertSource {
  action: string;
  /** the event's data as recorded */
  data: { threshold?: unknown };
  urgency: string;
  status: string;
}

export function alertKindOf(e: AlertSource): AlertKind | null {
  if (e.status === 'closed' || e.status === 'voided') return null;
  const red = e.data.threshold === 'red';
  if (e.action === 'escalate') return red ? 'red' : 'escalated';
  if (e.action === 'urge' && red) return 'red';
  if (e.action === 'report' && e.urgency === 'urgent') return 'urgent';
  return null;
}
