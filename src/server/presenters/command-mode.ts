/** command_modes rows as the API's command-mode DTOs. */
import type { CommandModeDto, CommandPeriodDto } from '../../contracts/command-mode.js';
import { responseLevelInfo, type DeclarableMode, type EmergencyKind, type ResponseLevel } from '../../domain/command/command-mode.js';
import type { CommandPeriodRow } from '../db/repositories/command-mode-repository.js';

export function presentPeriod(r: CommandPeriodRow): CommandPeriodDto {
  const level = r.response_level as ResponseLevel | null;
  return {
    id: r.id,
    mode: r.mode as DeclarableMode,
    emergencyKind: r.emergency_kind as EmergencyKind | null,
    responseLevel: level,
    levelColour: level ? responseLevelInfo[level].colour : null,
    commander: r.commander_code ? { code: r.commander_code, name: r.commander_name ?? r.commander_code } : null,
    deputy: r.deputy_code ? { code: r.deputy_code, name: r.deputy_name ?? r.deputy_code } : null,
    reason: r.reason,
    startedAt: r.started_at,
    startedBy: { id: r.started_by, name: r.started_by_name },
    endedAt: r.ended_at,
    endedBy: r.ended_by ? { id: r.ended_by, name: r.ended_by_name ?? r.ended_by } : null,
    endKind: r.end_kind as CommandPeriodDto['endKind'],
    endNote: r.end_note,
  };
}

export function presentCommandMode(current: CommandPeriodRow | undefined, history: readonly CommandPeriodRow[]): CommandModeDto {
  return { mode: current ? (current.mode as DeclarableMode) : 'daily', current: current ? presentPeriod(current) : null, history: history.map(presentPeriod) };
}
