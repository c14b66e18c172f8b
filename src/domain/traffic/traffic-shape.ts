/**
 * The shape of a town's case traffic, shared by the history seeder and the live simulator: how the
 * channels mix, how each channel's reports spread over the hours of a Shanghai day (hotline peaks
 * in the morning and the evening, inspectors by day in working hours, machines around the clock),
 * and how working days, weekends, holidays and the seasons scale a day.
 */
import type { DayKindName } from '../calendar/index.js';
import type { Channel } from '../case/index.js';

/** Share of each channel in a year's intake (a 12345-dominated town with active grid patrols). */
export const channelMix: Readonly<Record<Channel, number>> = {
  hotline_12345: 0.44,
  inspector: 0.21,
  video_ai: 0.07,
  hotline_12319: 0.06,
  police_110: 0.05,
  video_patrol: 0.04,
  sensor: 0.04,
  department: 0.04,
  citizen: 0.04,
  leader: 0.01,
};

export type ChannelFamily = 'hotline' | 'patrol' | 'camera' | 'sensor';

export function channelFamily(channel: Channel): ChannelFamily {
  switch (channel) {
    case 'hotline_12345':
    case 'hotline_12319':
    case 'police_110':
    case 'citizen':
      return 'hotline';
    case 'inspector':
    case 'video_patrol':
    case 'department':
    case 'leader':
      return 'patrol';
    case 'video_ai':
      return 'camera';
    case 'sensor':
      return 'sensor';
  }
}

/** Relative intake per local hour 0…23 (Asia/Shanghai). */
const hourly: Readonly<Record<ChannelFamily, readonly number[]>> = {
  // calls: quiet at night, a morning peak 9–11, a lunch dip, an evening peak 19–21
  hotline: [0.6, 0.4, 0.3, 0.2, 0.2, 0.4, 1.2, 3.0, 6.0, 8.0, 8.5, 7.0, 4.5, 5.0, 6.0, 6.2, 5.5, 5.0, 6.5, 7.8, 7.5, 5.5, 3.0, 1.5],
  // patrols and departments' own checks: working windows 08:30–11:30 and 13:00–17:00
  patrol: [0, 0, 0, 0, 0, 0, 0.05, 0.4, 4.0, 8.0, 8.0, 5.0, 0.8, 5.0, 7.0, 7.0, 4.5, 0.5, 0.15, 0.05, 0, 0, 0, 0],
  // video analytics see most by daylight, when streets are busy
  camera: [0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 1.0, 2.0, 3.0, 3.5, 3.5, 3.2, 3.0, 3.0, 3.2, 3.2, 3.2, 3.0, 2.6, 2.0, 1.5, 1.0, 0.6, 0.4],
  // sensors alarm around the clock, a little more with the day's load
  sensor: [0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 1.0, 1.2, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 1.3, 1.3, 1.3, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8],
};

export function hourWeights(channel: Channel): readonly number[] {
  return hourly[channelFamily(channel)];
}

/** How a kind of day scales a family's intake (patrols rest at weekends and holidays). */
const dayKindFactor: Readonly<Record<ChannelFamily, Record<DayKindName, number>>> = {
  hotline: { workday: 1, makeup_workday: 1, weekend: 0.8, holiday: 0.7 },
  patrol: { workday: 1, makeup_workday: 1, weekend: 0.3, holiday: 0.2 },
  camera: { workday: 1, makeup_workday: 1, weekend: 1.1, holiday: 1.2 },
  sensor: { workday: 1, makeup_workday: 1, weekend: 1, holiday: 1 },
};

/** Month 1…12: summer brings noise, barbecues, storms and tourists to a Chongming farm town. */
const monthFactor = [0.85, 0.8, 0.95, 1.0, 1.05, 1.15, 1.25, 1.25, 1.05, 1.0, 0.95, 0.9];

/** Relative intake of a channel family on a local day. */
export function dayFactor(channel: Channel, dayKind: DayKindName, month: number): number {
  return dayKindFactor[channelFamily(channel)][dayKind] * (monthFactor[month - 1] ?? 1);
}

/** Relative intake of the whole town on a local day (the channel mix weighted by each family's day factor). */
export function townDayFactor(dayKind: DayKindName, month: number): number {
  let total = 0;
  for (const [channel, share] of Object.entries(channelMix) as Array<[Channel, number]>) total += share * dayFactor(channel, dayKind, month);
  return total;
}

/** The channel mix of one kind of day: patrols weigh less at weekends, machines do not rest. */
export function channelWeightsOn(dayKind: DayKindName, month: number): Array<[Channel, number]> {
  return (Object.entries(channelMix) as Array<[Channel, number]>).map(([c, share]) => [c, share * dayFactor(c, dayKind, month)]);
}

/** Average intake per hour of a channel at a local hour, given its daily volume: weights normalised to the day. */
export function hourShare(channel: Channel, hour: number): number {
  const w = hourWeights(channel);
  let total = 0;
  for (const x of w) total += x;
  return (w[hour] ?? 0) / total;
}
