/** The town's command mode (src/server/routes/api/v1/command-mode.ts); shapes from src/contracts/command-mode.ts. */
import type { ChangeCommandModeBody, CommandModeDto, CommandPeriodDto } from '../../contracts/command-mode.js';
import { request } from './client.js';

export type { ChangeCommandModeBody, CommandModeDto, CommandPeriodDto };
export const fetchCommandMode = (): Promise<CommandModeDto> => request<CommandModeDto>('/command-mode');
export const changeCommandMode = (body: ChangeCommandModeBody): Promise<CommandModeDto> => request<CommandModeDto>('/command-mode', { method: 'POST', body });
export const standDownCommandMode = (note?: string): Promise<CommandModeDto> =>
  request<CommandModeDto>('/command-mode/stand-down', { method: 'POST', body: note ? { note } : {} });
