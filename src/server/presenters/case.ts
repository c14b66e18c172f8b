/** Case rows → the HTTP contracts (src/contracts/cases.ts). Reporter data is always masked here. */
import type { CaseDetailDto, CaseSummaryDto } from '../../contracts/cases.js';
import { maskName, maskPhone } from '../../domain/access/index.js';
import { recordLabel, type CaseStatus } from '../../domain/case/index.js';
import { caseDeadlineState, stepState, wasLate, type StepClock } from '../../domain/sla/index.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { CaseEventRow } from '../db/repositories/case-event-repository.js';
import type { CaseRow } from '../db/repositories/case-repository.js';
import type { TownSnapshot } from '../services/town-snapshot.js';

const unit = (town: TownSnapshot, code: string | null) => (code ? { code, name: town.units.get(code)?.name ?? null } : null);

/** The reporter in plain text, when the caller has it at hand (intake), so nothing is decrypted to mask it. */
export interface PlainReporter {
  name: string | null;
  phone: string | null;
}

export function presentCaseSummary(row: CaseRow, town: TownSnapshot, cipher: FieldCipher, now: Date, plain?: PlainReporter): CaseSummaryDto {
  const clocks = JSON.parse(row.deadlines) as StepClock[];
  const category = row.category_code ? town.categories.get(row.category_code) : undefined;
  const hasReporter = row.reporter_name_enc !== null || row.reporter_phone_enc !== null;
  return {
    id: row.id,
    caseNo: row.case_no,
    channel: row.channel as CaseSummaryDto['channel'],
    externalId: row.external_id,
    status: row.status as CaseStatus,
    category: row.category_code ? { code: row.category_code, name: category?.name ?? row.category_code } : null,
    urgency: row.urgency as CaseSummaryDto['urgency'],
    description: row.description,
    address: row.address,
    location: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
    grid: row.grid_code ? { code: row.grid_code, name: town.gridNames.get(row.grid_code) ?? null } : null,
    station: row.station_code ? { code: row.station_code, name: town.stationNames.get(row.station_code) ?? null } : null,
    leadUnit: unit(town, row.lead_unit),
    assistUnits: (JSON.parse(row.assist_units) as string[]).map((c) => unit(town, c)!),
    designated: row.designated === 1,
    returnCount: row.return_count,
    reworkCount: row.rework_count,
    extensionPending: row.extension_pending === 1,
    escalationLevel: row.escalation_level as CaseSummaryDto['escalationLevel'],
    suspendedFrom: (row.suspended_from as CaseStatus | null) ?? null,
    // the live state, not the stored one: deadlines move with time between sweeps
    deadlineState: caseDeadlineState(clocks, now, town.calendar, town.rules.deadlines.yellowAt),
    nextDueAt: row.next_due_at,
    visitOutcome: row.visit_outcome as CaseSummaryDto['visitOutcome'],
    reporter: hasReporter
      ? {
          name: row.reporter_name_enc ? maskName(plain?.name ?? cipher.decrypt(row.reporter_name_enc)) : null,
          phone: row.reporter_phone_enc ? maskPhone(plain?.phone ?? cipher.decrypt(row.reporter_phone_enc)) : null,
          masked: true,
        }
      : null,
    reportedAt: row.reported_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    version: row.version,
  };
}

export function presentEvent(e: CaseEventRow): CaseDetailDto['events'][number] {
  const action = e.action;
  return {
    seq: Number(e.seq),
    action,
    label: recordLabel(action),
    fromStatus: (e.from_status as CaseStatus | null) ?? null,
    toStatus: e.to_status as CaseStatus,
    actor: { type: e.actor_type, id: e.actor_id, name: e.actor_name, role: e.actor_role },
    reason: e.reason,
    data: JSON.parse(e.data) as Record<string, unknown>,
    attachments: JSON.parse(e.attachments) as string[],
    at: e.at,
    hash: e.hash,
  };
}

export function presentClocks(row: CaseRow, town: TownSnapshot, now: Date): CaseDetailDto['deadlines'] {
  return (JSON.parse(row.deadlines) as StepClock[]).map((c) => ({
    step: c.step,
    limit: c.limit,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    stoppedAt: c.stoppedAt,
    paused: c.pausedAt !== null,
    state: stepState(c, now, town.calendar, town.rules.deadlines.yellowAt),
    late: wasLate(c),
  }));
}
