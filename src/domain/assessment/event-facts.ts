/**
 * What each case event counts for in the assessment (监督考评, MISSION R12), after GB/T 30428.4 and
 * the town's plan: a pure function of the event as the record holds it, so the counters can be kept
 * as events are appended (insert-only: an event never changes) and recounted from the record alone.
 *
 * Attribution: a unit's actions (accept, feedback, extension, …) count for `data.unit`, the lead unit
 * when the event happened; a dispatch for the unit it went to; a return for the unit that returned
 * it; a close and the return visit for the lead unit that handled the case. Steps finished by the
 * event are in `data.steps` ({ step, late }), and a close says whether the case kept every
 * deadline (`data.onTime`). Inspectors count by their account (`actorId`); a voided report counts
 * against the inspector who made it (`data.reportedBy`), so valid reports = reports − voided.
 * A dissatisfied return visit with the visitor's judgement of its cause (`data.cause`) also counts
 * as `dissatisfied:<cause>` (the annual assessment's 约谈 list).
 *
 * 按期结案率 = closed on time ÷ (due − suspended), where a case falls due in the period its handling
 * deadline passed (the sweep's red for the handle step) or, when it closed on time, in the period it
 * closed — so every case falls due exactly once.
 */
import { localDateOf } from '../calendar/local-time.js';

/** Bump when assessmentFacts() changes meaning: the server then recounts the stored counters at start. */
export const ASSESSMENT_COUNTERS_VERSION = 2;

export const assessmentSubjects = ['unit', 'station', 'inspector'] as const;
export type AssessmentSubject = (typeof assessmentSubjects)[number];

export interface AssessmentEvent {
  action: string;
  toStatus: string;
  actorId: string;
  actorRole: string | null;
  /** the event's data as recorded (JSON parsed) */
  data: Record<string, unknown>;
}

export interface AssessmentFact {
  subject: AssessmentSubject;
  key: string;
  metric: string;
}

interface StepDone {
  step: string;
  late: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function stepsOf(data: Record<string, unknown>): StepDone[] {
  return Array.isArray(data.steps) ? (data.steps as StepDone[]).filter((s) => typeof s?.step === 'string') : [];
}

/** Channels through which a station's own eyes find problems (巡查发现): proactive discovery. */
const stationEyes = new Set(['inspector', 'video_patrol', 'video_ai', 'sensor']);

export function assessmentFacts(e: AssessmentEvent): AssessmentFact[] {
  const out: AssessmentFact[] = [];
  const unit = str(e.data.unit);
  const forUnit = (metric: string, key = unit) => {
    if (key) out.push({ subject: 'unit', key, metric });
  };
  const stepLate = (step: string) => stepsOf(e.data).find((s) => s.step === step)?.late;
  switch (e.action) {
    case 'report': {
      const channel = str(e.data.channel);
      const station = str(e.data.stationCode);
      if (channel === 'department') forUnit('proactive', str(e.data.departmentCode));
      if (channel && stationEyes.has(channel) && station) out.push({ subject: 'station', key: station, metric: 'proactive' });
      if (station) out.push({ subject: 'station', key: station, metric: 'reported' });
      if (channel === 'inspector' && e.actorRole === 'inspector') out.push({ subject: 'inspector', key: e.actorId, metric: 'reports' });
      break;
    }
    case 'dispatch':
    case 'designate': {
      const lead = str(e.data.leadUnit);
      forUnit('dispatched', lead);
      if (e.action === 'designate') forUnit('designated', lead);
      const assists = Array.isArray(e.data.assistUnits) ? (e.data.assistUnits as unknown[]).map(str).filter((x): x is string => x !== null) : [];
      if (assists.length > 0) forUnit('led_joint', lead);
      for (const a of assists) forUnit('assisted', a);
      break;
    }
    case 'accept':
      forUnit('accepted');
      if (stepLate('accept') === false) forUnit('accepted_on_time');
      break;
    case 'return':
      forUnit('returned', str(e.data.returnedBy));
      break;
    case 'feedback':
      forUnit('handled');
      if (stepLate('handle') === false) forUnit('handled_on_time');
      break;
    case 'verify':
      if (e.data.result === 'fail') forUnit('reworked');
      if (e.actorRole === 'inspector') {
        out.push({ subject: 'inspector', key: e.actorId, metric: 'verified' });
        if (stepLate('verify') === false) out.push({ subject: 'inspector', key: e.actorId, metric: 'verified_on_time' });
      }
      break;
    case 'extend':
      forUnit('extension_requested');
      break;
    case 'decide-extension':
      if (e.data.decision === 'approve') forUnit('extended');
      break;
    case 'suspend':
      forUnit('suspended');
      break;
    case 'escalate':
    case 'urge':
      // the sweep's red: a step overdue; the handle step's red is when the case falls due
      if (e.data.automatic === true && e.data.threshold === 'red') {
        forUnit('overdue');
        if (e.data.step === 'handle') forUnit('due');
      }
      break;
    case 'visit': {
      const outcome = str(e.data.outcome);
      if (outcome) forUnit(`visit:${outcome}`);
      const cause = str(e.data.cause);
      if (outcome === 'dissatisfied' && cause) forUnit(`dissatisfied:${cause}`);
      break;
    }
    case 'void': {
      const reporter = str(e.data.reportedBy);
      if (reporter) out.push({ subject: 'inspector', key: reporter, metric: 'reports_voided' });
      break;
    }
    case 'close':
      forUnit('closed');
      if (e.data.onTime === true) {
        forUnit('closed_on_time');
        forUnit('due');
      }
      break;
  }
  return out;
}

/** The counters' key of a fact on a local day. */
export function factKey(f: AssessmentFact, day: string): string {
  return `${f.subject}|${f.key}|${day}|${f.metric}`;
}

export function parseFactKey(k: string): AssessmentFact & { day: string } {
  const [subject, key, day, metric] = k.split('|') as [AssessmentSubject, string, string, string];
  return { subject, key, day, metric };
}

/** The facts of one event and the local day they count on. */
export function factsOfEvent(event: AssessmentEvent, at: string): { day: string; facts: AssessmentFact[] } {
  return { day: localDateOf(new Date(at)), facts: assessmentFacts(event) };
}

/** Adds facts, on their day, into `into` (key → count). */
export function countFacts(into: Map<string, number>, facts: readonly AssessmentFact[], day: string): void {
  for (const f of facts) {
    const k = factKey(f, day);
    into.set(k, (into.get(k) ?? 0) + 1);
  }
}

/** Adds the facts of one event, on the local day it happened, into `into`. */
export function countEvent(into: Map<string, number>, event: AssessmentEvent, at: string): void {
  const { day, facts } = factsOfEvent(event, at);
  countFacts(into, facts, day);
}
