/**
 * The intake form's state and how it becomes the POST /cases body; also where the server's field
 * errors (body.location.lng, body.reporter.phone, …) are shown on the form.
 */
import type { IntakeInput } from '../../api/cases.js';
import type { FieldProblem } from '../../api/problem.js';

/** The channels a dispatcher takes by hand (the others arrive by machine: cameras, sensors, the inspector app). */
export const deskChannels = ['hotline_12345', 'hotline_12319', 'police_110', 'citizen', 'department', 'leader'] as const;
export type DeskChannel = (typeof deskChannels)[number];
export const policeKinds = ['complaint', 'dispute', 'help', 'consultation'] as const;
export type PoliceKind = (typeof policeKinds)[number];
export const citizenApps = ['瀛洲E管家', '政务微信', '随申办', 'other'] as const;
export type CitizenApp = (typeof citizenApps)[number];

export interface IntakeForm {
  channel: DeskChannel;
  policeKind: PoliceKind | '';
  leaderName: string;
  departmentCode: string;
  citizenApp: CitizenApp | '';
  externalId: string;
  callerName: string;
  callerPhone: string;
  description: string;
  lng: string;
  lat: string;
  gcj02: boolean;
  address: string;
  urgency: '' | 'normal' | 'urgent';
}

/** The form's field names, used as keys of the error map. */
export type FormField = keyof IntakeForm | 'form';
export type FieldErrors = Partial<Record<FormField, string>>;

export function emptyForm(channel: DeskChannel = 'hotline_12345'): IntakeForm {
  return {
    channel,
    policeKind: '',
    leaderName: '',
    departmentCode: '',
    citizenApp: '',
    externalId: '',
    callerName: '',
    callerPhone: '',
    description: '',
    lng: '',
    lat: '',
    gcj02: false,
    address: '',
    urgency: '',
  };
}

/** Words the checks need, in the console's language. */
export interface CheckWords {
  required: string;
  needPlace: string;
  badNumber: string;
  bothCoords: string;
}

const trimmed = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

function coordinate(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** What the browser can tell before asking the server (the server checks everything again). */
export function checkForm(f: IntakeForm, w: CheckWords): FieldErrors {
  const e: FieldErrors = {};
  if (f.description.trim() === '') e.description = w.required;
  const lng = coordinate(f.lng);
  const lat = coordinate(f.lat);
  if (lng === null) e.lng = w.badNumber;
  if (lat === null) e.lat = w.badNumber;
  if ((lng === undefined) !== (lat === undefined) && !e.lng && !e.lat) e[lng === undefined ? 'lng' : 'lat'] = w.bothCoords;
  if (lng === undefined && lat === undefined && f.address.trim() === '') e.address = w.needPlace;
  if (f.channel === 'police_110' && f.policeKind === '') e.policeKind = w.required;
  if (f.channel === 'leader' && f.leaderName.trim() === '') e.leaderName = w.required;
  if (f.channel === 'department' && f.departmentCode === '') e.departmentCode = w.required;
  return e;
}

function channelPart(f: IntakeForm): Pick<IntakeInput, 'channel' | 'channelData'> {
  switch (f.channel) {
    case 'hotline_12345':
    case 'hotline_12319': {
      const orderNo = trimmed(f.externalId);
      return { channel: f.channel, ...(orderNo ? { channelData: { orderNo } } : {}) };
    }
    case 'police_110':
      return { channel: 'police_110', channelData: { kind: f.policeKind === '' ? 'complaint' : f.policeKind, ...(trimmed(f.externalId) ? { alarmNo: f.externalId.trim() } : {}) } };
    case 'citizen':
      return { channel: 'citizen', ...(f.citizenApp ? { channelData: { app: f.citizenApp } } : {}) };
    case 'department':
      return { channel: 'department', channelData: { departmentCode: f.departmentCode } };
    case 'leader':
      return { channel: 'leader', channelData: { leaderName: f.leaderName.trim() } };
    default: {
      const never: never = f.channel;
      return never;
    }
  }
}

/** The request body; call checkForm first. */
export function toBody(f: IntakeForm): IntakeInput {
  const lng = coordinate(f.lng);
  const lat = coordinate(f.lat);
  const name = trimmed(f.callerName);
  const phone = trimmed(f.callerPhone);
  const address = trimmed(f.address);
  const externalId = trimmed(f.externalId);
  return {
    ...channelPart(f),
    description: f.description.trim(),
    ...(externalId ? { externalId } : {}),
    ...(typeof lng === 'number' && typeof lat === 'number' ? { location: { lng, lat, crs: f.gcj02 ? 'gcj02' : 'wgs84' } } : {}),
    ...(address ? { address } : {}),
    ...(name || phone ? { reporter: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
    ...(f.urgency ? { urgency: f.urgency } : {}),
  } as IntakeInput;
}

/** Which form field a server field path belongs to ('body.reporter.phone' → callerPhone). */
export function formFieldOf(path: string, channel: DeskChannel): FormField {
  const p = path.replace(/^body\.?/, '');
  if (p.startsWith('location.lng')) return 'lng';
  if (p.startsWith('location.lat')) return 'lat';
  if (p.startsWith('location')) return 'lng';
  if (p.startsWith('address')) return 'address';
  if (p.startsWith('reporter.phone')) return 'callerPhone';
  if (p.startsWith('reporter.name')) return 'callerName';
  if (p.startsWith('description')) return 'description';
  if (p.startsWith('externalId') || p.includes('orderNo') || p.includes('alarmNo')) return 'externalId';
  if (p.startsWith('urgency')) return 'urgency';
  if (p.startsWith('channelData')) {
    if (channel === 'police_110') return 'policeKind';
    if (channel === 'leader') return 'leaderName';
    if (channel === 'department') return 'departmentCode';
    return 'channel';
  }
  if (p.startsWith('channel')) return 'channel';
  return 'form';
}

/** The server's field errors on the form; several on one field are joined. */
export function placeProblems(problems: readonly FieldProblem[], channel: DeskChannel, zh: boolean): FieldErrors {
  const e: FieldErrors = {};
  for (const pr of problems) {
    const key = formFieldOf(pr.field, channel);
    const text = zh ? pr.message.zh : pr.message.en;
    e[key] = e[key] ? `${e[key]}；${text}` : text;
  }
  return e;
}
