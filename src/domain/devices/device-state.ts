/**
 * A device's state on the map, derived and never stored by hand: a camera or sensor is in `alarm`
 * while a case reported through it is open, `normal` otherwise. (There is no heartbeat from the
 * devices, so the platform cannot honestly say one is offline or stale; it says only what its own
 * record shows.)
 */
import type { Channel } from '../case/vocabulary.js';

export const deviceStates = ['normal', 'alarm'] as const;
export type DeviceState = (typeof deviceStates)[number];

/** The channels whose reports name the device that raised them, and the channelData field that does. */
export const deviceChannels = ['video_patrol', 'video_ai', 'sensor'] as const satisfies readonly Channel[];
export type DeviceChannel = (typeof deviceChannels)[number];

const idField: Record<DeviceChannel, 'cameraId' | 'deviceId'> = { video_patrol: 'cameraId', video_ai: 'cameraId', sensor: 'deviceId' };

/** The channelData field naming a report's device, for the channels that have one. */
export function deviceIdFieldOf(channel: string): 'cameraId' | 'deviceId' | null {
  return (deviceChannels as readonly string[]).includes(channel) ? idField[channel as DeviceChannel] : null;
}

/** The id of the device a report came through, or null (another channel, or no id given). */
export function deviceIdOf(channel: string, channelData: Readonly<Record<string, unknown>> | null | undefined): string | null {
  if (!(deviceChannels as readonly string[]).includes(channel)) return null;
  const id = channelData?.[idField[channel as DeviceChannel]];
  return typeof id === 'string' && id !== '' ? id : null;
}

export interface OpenDeviceCase {
  id: string;
  deviceId: string;
  reportedAt: string;
}

export interface DeviceStatus<C extends OpenDeviceCase> {
  state: DeviceState;
  /** its open cases, newest first */
  cases: C[];
}

/** Each registered device's state from the open cases reported through devices; cases of unknown devices are left out. */
export function statesOf<C extends OpenDeviceCase>(deviceIds: readonly string[], openCases: readonly C[]): Map<string, DeviceStatus<C>> {
  const out = new Map<string, DeviceStatus<C>>(deviceIds.map((id) => [id, { state: 'normal', cases: [] }]));
  for (const c of openCases) {
    const s = out.get(c.deviceId);
    if (!s) continue;
    s.state = 'alarm';
    s.cases.push(c);
  }
  for (const s of out.values()) s.cases.sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : a.reportedAt > b.reportedAt ? -1 : a.id < b.id ? 1 : -1));
  return out;
}
