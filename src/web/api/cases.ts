/**
 * Typed calls of the closed loop (src/server/routes/api/v1/cases.ts and attachments.ts). The shapes
 * come from src/contracts/cases.ts and the domain's action schemas; nothing is retyped here.
 */
import type { z } from 'zod';
import type { CaseDetailDto, CaseListQuery, CaseSummaryDto, IntakeBody, JointMeetingDto, caseListDto, intakeBody, jointMeetingInput } from '../../contracts/cases.js';
import type { ActionInputRaw } from '../../domain/case/inputs.js';
import type { CaseAction } from '../../domain/case/vocabulary.js';
import { request } from './client.js';
import { toApiError } from './problem.js';

export type { CaseDetailDto, CaseSummaryDto, IntakeBody, JointMeetingDto };
/** What a client sends at intake (defaults such as photos: [] not yet applied). */
export type IntakeInput = z.input<typeof intakeBody>;
export type CaseList = z.infer<typeof caseListDto>;
export type JointMeetingInput = z.input<typeof jointMeetingInput>;
export interface UploadedPhoto {
  id: string;
  mediaType: string;
  size: number;
}
export interface Reporter {
  name: string | null;
  phone: string | null;
}
/** The list query as the URL carries it: comma-separated lists, every field optional. */
export type CaseListParams = { [K in keyof CaseListQuery]?: string | number };

/** The intake's answer: the case, and whether it is new (201) or an order already taken (200). */
export interface IntakeResult {
  detail: CaseDetailDto;
  created: boolean;
}

/**
 * fetch for the two calls whose status or body client.ts cannot carry (200 vs 201, multipart).
 * A 401 is passed on through a plain request() so the app's session-ended handler runs as usual.
 */
async function sendRaw(path: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { credentials: 'same-origin', ...init, headers: { accept: 'application/json, application/problem+json', ...init.headers } });
  } catch {
    throw toApiError(0, null);
  }
  const text = await res.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  if (res.ok) return { status: res.status, body };
  if (res.status === 401) await request('/session').catch(() => undefined);
  throw toApiError(res.status, body);
}

/** 受理/上报: POST /cases. A resent external order (or Idempotency-Key) answers 200 with the existing case. */
export async function intakeCase(body: IntakeInput, idempotencyKey?: string): Promise<IntakeResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
  const { status, body: detail } = await sendRaw('/cases', { method: 'POST', body: JSON.stringify(body), headers });
  return { detail: detail as CaseDetailDto, created: status === 201 };
}

export function listCases(query: CaseListParams = {}, signal?: AbortSignal): Promise<CaseList> {
  const q: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q[k] = v;
  return request<CaseList>('/cases', { query: q, ...(signal ? { signal } : {}) });
}

export const getCase = (id: string): Promise<CaseDetailDto> => request<CaseDetailDto>(`/cases/${encodeURIComponent(id)}`);

/** POST /cases/:id/actions/:action; 409 (ApiError.extra.state / allowedActions), 403, 400 with field errors. */
export function actOnCase<A extends CaseAction>(id: string, action: A, input: ActionInputRaw<A>): Promise<CaseDetailDto> {
  return request<CaseDetailDto>(`/cases/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body: input });
}

export function recordJointMeeting(id: string, body: JointMeetingInput): Promise<CaseDetailDto> {
  return request<CaseDetailDto>(`/cases/${encodeURIComponent(id)}/joint-meetings`, { method: 'POST', body });
}

/** POST /attachments (multipart field "file"); the id goes into photos / beforePhotos / afterPhotos. */
export async function uploadPhoto(file: Blob): Promise<UploadedPhoto> {
  const form = new FormData();
  form.append('file', file);
  const { body } = await sendRaw('/attachments', { method: 'POST', body: form });
  return body as UploadedPhoto;
}

/** The photo's URL for <img src> (the session cookie goes along). */
export const photoUrl = (id: string): string => `/api/v1/attachments/${encodeURIComponent(id)}`;

/** The caller's name and phone unmasked; audited on the server (dispatcher, coordinator, leader). */
export const getReporter = (id: string): Promise<Reporter> => request<Reporter>(`/cases/${encodeURIComponent(id)}/reporter`);
