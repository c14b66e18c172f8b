/** The session endpoints (src/server/routes/api/v1/session.ts); shapes from src/contracts/identity.ts. */
import type { z } from 'zod';
import type { ActorDto, sessionDto } from '../../contracts/identity.js';
import { request } from './client.js';

export type SessionUser = ActorDto;
type SessionAnswer = z.infer<typeof sessionDto>;

export const fetchSession = async (): Promise<SessionUser> => (await request<SessionAnswer>('/session', { ignoreUnauthorized: true })).actor;
export const createSession = async (username: string, password: string): Promise<SessionUser> =>
  (await request<SessionAnswer>('/session', { method: 'POST', body: { username, password }, ignoreUnauthorized: true })).actor;
export const deleteSession = (): Promise<void> => request<void>('/session', { method: 'DELETE', ignoreUnauthorized: true });
