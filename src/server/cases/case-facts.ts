/** A cases row as the machine's CaseFacts, and the facts back as column values. */
import type { CaseFacts, CaseStatus, Channel, EscalationLevel } from '../../domain/case/index.js';
import type { CasePatch, CaseRow } from '../db/repositories/case-repository.js';

export function factsOf(row: CaseRow): CaseFacts {
  return {
    status: row.status as CaseStatus,
    suspendedFrom: (row.suspended_from as CaseStatus | null) ?? null,
    channel: row.channel as Channel,
    stationCode: row.station_code,
    leadUnit: row.lead_unit,
    assistUnits: JSON.parse(row.assist_units) as string[],
    designated: row.designated === 1,
    returnCount: row.return_count,
    reworkCount: row.rework_count,
    hasReporterContact: row.has_reporter_contact === 1,
    extensionPending: row.extension_pending === 1,
    escalationLevel: row.escalation_level as EscalationLevel,
    needsDesignation: needsDesignation(row.routing),
  };
}

/** the stored routing decision found no unit by rule (its own column: not a fact written back) */
function needsDesignation(routing: string | null): boolean {
  return routing !== null && (JSON.parse(routing) as { kind: string }).kind === 'designation_required';
}

export function factColumns(f: CaseFacts): CasePatch {
  return {
    status: f.status,
    suspended_from: f.suspendedFrom,
    station_code: f.stationCode,
    lead_unit: f.leadUnit,
    assist_units: JSON.stringify(f.assistUnits),
    designated: f.designated ? 1 : 0,
    return_count: f.returnCount,
    rework_count: f.reworkCount,
    has_reporter_contact: f.hasReporterContact ? 1 : 0,
    extension_pending: f.extensionPending ? 1 : 0,
    escalation_level: f.escalationLevel,
  };
}
