/**
 * What kind of problem each channel brings: weights over the town's catalogue (persistent problems
 * and the everyday complaints weigh more; sensors and video analytics see only what they measure),
 * and what a sensor or a camera algorithm reports for a category. Works on any catalogue: the codes
 * named here only add emphasis where the town has them.
 */
import type { Channel } from '../case/index.js';
import type { Category } from '../profile/schema.js';
import { channelFamily } from './traffic-shape.js';

/** What the mix needs of a category: the profile's Category and the API's category DTO both fit. */
export type MixCategory = Pick<Category, 'code' | 'kind' | 'majorCode' | 'name' | 'keywords' | 'persistent' | 'stationLevel'> & {
  limits: ReadonlyArray<{ urgency: string; registerCondition: string; closeCondition: string }>;
};

/** The complaints people call about most (GB/T 47678.5 codes, where the catalogue has them). */
const everyday: Readonly<Record<string, number>> = {
  '06028': 4, // 噪声扰民
  '09009': 4, // 违规停车
  '06010': 3, // 暴露垃圾
  '06027': 3, // 油烟
  '01037': 3, // 路灯
  '06013': 2.5, // 道路破损
  '10904': 2.5, // 下水道堵塞
  '08001': 2.5, // 施工扰民
  '06042': 2, // 垃圾满溢
  '09006': 2, // 占道经营
  '06036': 2, // 乱堆杂物
  '07001': 2, // 小广告
  '06008': 2, // 飞线充电
  '10905': 1.5, // 道路积水
};

export interface SensorMetric {
  metric: string;
  unit: string;
  threshold: number;
  /** how far above the threshold alarms go (value = threshold × (1 + excess × u)) */
  excess: number;
}

/** What a sensor measures for a category (IoT devices the town has: water, manholes, gas, noise, dust). */
export const sensorMetrics: Readonly<Record<string, SensorMetric>> = {
  '10905': { metric: '积水深度', unit: 'cm', threshold: 15, excess: 2 },
  '01003': { metric: '井盖倾角', unit: '°', threshold: 10, excess: 4 },
  '01002': { metric: '井盖位移', unit: 'cm', threshold: 5, excess: 3 },
  '06026': { metric: '氨氮', unit: 'mg/L', threshold: 2, excess: 1.5 },
  '01057': { metric: '可燃气体浓度', unit: '%LEL', threshold: 20, excess: 1.5 },
  '01013': { metric: '消火栓水压', unit: 'MPa', threshold: 0.1, excess: -0.8 },
  '10903': { metric: '管网压力骤降', unit: 'MPa', threshold: 0.15, excess: -0.6 },
  '06028': { metric: '噪声', unit: 'dB', threshold: 70, excess: 0.3 },
  '08004': { metric: 'PM10', unit: 'μg/m³', threshold: 150, excess: 1.5 },
  '01071': { metric: '外河水位', unit: 'm', threshold: 4.2, excess: 0.15 },
};

/** Which video analytics algorithm raises a category. */
export const videoAlgorithms: Readonly<Record<string, string>> = {
  '09001': 'street-vendor',
  '09009': 'illegal-parking',
  '06010': 'garbage-exposure',
  '09005': 'out-of-store-business',
  '06036': 'clutter',
  '06042': 'bin-overflow',
  '06007': 'street-drying',
  '06020': 'smoke-fire',
  '09010': 'bike-parking',
  '06025': 'floating-debris',
  '09006': 'road-occupation',
};

/** Relative weight of a category among one channel's reports; 0 = this channel never reports it. */
export function categoryWeight(channel: Channel, category: MixCategory, hasSpecific: { sensor: boolean; camera: boolean }): number {
  const family = channelFamily(channel);
  const boost = everyday[category.code] ?? 1;
  const persistent = category.persistent ? 4 : 1;
  switch (family) {
    case 'sensor':
      return hasSpecific.sensor ? (sensorMetrics[category.code] ? 1 : 0) : category.kind === '部件' ? 1 : 0;
    case 'camera':
      return hasSpecific.camera ? (videoAlgorithms[category.code] ? boost * persistent : 0) : category.kind === '事件' ? 1 : 0;
    case 'hotline':
      // callers complain about what bothers them: events more than broken parts
      return boost * persistent * (category.kind === '事件' ? 2 : 1);
    case 'patrol':
      // inspectors see parts and the station-level street problems on their rounds
      return (category.stationLevel ? 3 : 1) * persistent * (category.kind === '部件' ? 1.5 : 1) * Math.sqrt(boost);
  }
}

/** Weights of every category of the catalogue for one channel, in catalogue order. */
export function categoryWeights(channel: Channel, categories: readonly MixCategory[]): number[] {
  const hasSpecific = {
    sensor: categories.some((c) => sensorMetrics[c.code]),
    camera: categories.some((c) => videoAlgorithms[c.code]),
  };
  return categories.map((c) => categoryWeight(channel, c, hasSpecific));
}
