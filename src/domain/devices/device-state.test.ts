import { describe, expect, it } from 'vitest';
import { deviceIdOf, statesOf } from './device-state.js';

describe('deviceIdOf', () => {
  it('reads the camera id of video reports and the device id of sensor reports', () => {
    expect(deviceIdOf('video_patrol', { cameraId: 'CAM-1' })).toBe('CAM-1');
    expect(deviceIdOf('video_ai', { cameraId: 'CAM-2', algorithm: 'street-vendor', score: 0.9 })).toBe('CAM-2');
    expect(deviceIdOf('sensor', { deviceId: 'IOT-1', metric: '外河水位', value: 4.5 })).toBe('IOT-1');
  });
  it('finds none on other channels, or when the id is missing, empty or not a string', () => {
    expect(deviceIdOf('hotline_12345', { cameraId: 'CAM-1' })).toBeNull();
    expect(deviceIdOf('sensor', { cameraId: 'CAM-1' })).toBeNull();
    expect(deviceIdOf('video_ai', { cameraId: '' })).toBeNull();
    expect(deviceIdOf('video_ai', { cameraId: 7 })).toBeNull();
    expect(deviceIdOf('video_patrol', {})).toBeNull();
    expect(deviceIdOf('video_patrol', null)).toBeNull();
  });
});

describe('statesOf', () => {
  it('puts a device with an open case in alarm, newest case first; the others are normal; unknown devices are ignored', () => {
    const states = statesOf(
      ['CAM-1', 'IOT-1', 'IOT-2'],
      [
        { id: 'a', deviceId: 'IOT-1', reportedAt: '2026-11-25T01:00:00.000Z' },
        { id: 'b', deviceId: 'IOT-1', reportedAt: '2026-11-25T03:00:00.000Z' },
        { id: 'c', deviceId: 'CAM-9', reportedAt: '2026-11-25T02:00:00.000Z' },
      ],
    );
    expect([...states.keys()]).toEqual(['CAM-1', 'IOT-1', 'IOT-2']);
    expect(states.get('CAM-1')).toEqual({ state: 'normal', cases: [] });
    expect(states.get('IOT-1')?.state).toBe('alarm');
    expect(states.get('IOT-1')?.cases.map((c) => c.id)).toEqual(['b', 'a']);
    expect(states.get('IOT-2')?.state).toBe('normal');
    expect(states.has('CAM-9')).toBe(false);
  });
});
