/** Accounts (src/server/routes/api/v1/users.ts); shapes from src/contracts/identity.ts. */
import type { z } from 'zod';
import type { createUserBody, updateUserBody, UserDto } from '../../contracts/identity.js';
import { request } from './client.js';

export type { UserDto };
export type CreateUserBody = z.input<typeof createUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const fetchUsers = (): Promise<UserDto[]> => request<UserDto[]>('/users');
export const createUser = (body: CreateUserBody): Promise<UserDto> => request<UserDto>('/users', { method: 'POST', body });
export const updateUser = (id: string, body: UpdateUserBody): Promise<UserDto> => request<UserDto>(`/users/${id}`, { method: 'PATCH', body });
