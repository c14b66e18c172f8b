/**
 * Which of the town's devices a simulated camera or sensor report comes through: video reports through
 * a camera, a sensor report through a sensor that measures the category's metric. A town without
 * devices in its profile gets none, and the caller invents ids as before.
 */
import type { Channel } from '../case/index.js';
import { sensorMetrics, type MixCategory } from './case-mix.js';

export interface SimDevice {
  id: string;
  kind: 'camera' | 'sensor';
  name: string;
  lng: number;
  lat: number;
  metrics: readonly string[];
}

/** The devices that could have raised this report (empty for other channels, or when none fits). */
export function devicesFor(channel: Channel, category: Pick<MixCategory, 'code'>, devices: readonly SimDevice[]): SimDevice[] {
  switch (channel) {
    case 'video_ai':
    case 'video_patrol':
      return devices.filter((d) => d.kind === 'camera');
    case 'sensor': {
      const metric = sensorMetrics[category.code]?.metric;
      return metric === undefined ? [] : devices.filter((d) => d.kind === 'sensor' && d.metrics.includes(metric));
    }
    default:
      return [];
  }
}

/**
 * Sensor-channel weights kept only for categories some sensor of the town measures (so every sensor
 * report names a real sensor); unchanged when the town has no sensors or none measures a category.
 */
export function measuredOnly(weights: readonly number[], categories: readonly Pick<MixCategory, 'code'>[], devices: readonly SimDevice[]): number[] {
  const kept = weights.map((w, i) => (devicesFor('sensor', categories[i]!, devices).length > 0 ? w : 0));
  return kept.some((w) => w > 0) ? kept : [...weights];
}
