/**
 * When reports arrive: a deterministic plan for a seed and a time range. The simulator draws a
 * Poisson count per channel and local hour from the traffic shape; the history seeder spreads an
 * exact number of cases over the days of its range by the same shape.
 */
import type { DayKindName } from '../calendar/index.js';
import type { Channel } from '../case/index.js';
import type { Random } from './random.js';
import { channelMix, dayFactor, hourShare, hourWeights, townDayFactor } from './traffic-shape.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export interface PlannedIntake {
  /** epoch ms */
  at: number;
  channel: Channel;
}

/** Local day number (days since 1970-01-01 in Shanghai) → its kind; from the town's working calendar. */
export type DayKindOf = (localDate: string) => DayKindName;

function localDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Arrivals between `from` and `to` (epoch ms) for a town taking `perDay` reports on an average day:
 * for each local hour and channel, a Poisson count at the hour's rate, each at a uniform instant of
 * the hour. Sorted by time; the same seed and range give the same plan.
 */
export function planIntake(random: Random, from: number, to: number, perDay: number, dayKindOf: DayKindOf): PlannedIntake[] {
  const out: PlannedIntake[] = [];
  const channels = Object.keys(channelMix) as Channel[];
  // hours aligned to the local clock (Shanghai is a whole-hour offset, so UTC hours are local hours)
  for (let hourStart = Math.floor(from / HOUR_MS) * HOUR_MS; hourStart < to; hourStart += HOUR_MS) {
    const local = hourStart + SHANGHAI_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
    const date = localDate(day);
    const kind = dayKindOf(date);
    const month = Number(date.slice(5, 7));
    const start = Math.max(hourStart, from);
    const end = Math.min(hourStart + HOUR_MS, to);
    const share = (end - start) / HOUR_MS;
    for (const channel of channels) {
      const mean = perDay * channelMix[channel] * dayFactor(channel, kind, month) * hourShare(channel, hour) * share;
      const n = random.poisson(mean);
      for (let i = 0; i < n; i++) out.push({ at: start + Math.floor(random.next() * (end - start)), channel });
    }
  }
  return out.sort((a, b) => a.at - b.at || a.channel.localeCompare(b.channel));
}

/** Splits `total` into whole parts proportional to `weights` (largest remainder), summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError('apportion needs a positive total weight');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]!.i]!++;
  return parts;
}

export interface DaySlot {
  /** 'YYYY-MM-DD' local */
  date: string;
  /** epoch ms of local midnight */
  start: number;
  kind: DayKindName;
  month: number;
  count: number;
}

/** `total` reports spread over the local days from `from` to `to` (epoch ms) by the town's day shape. */
export function spreadOverDays(total: number, from: number, to: number, dayKindOf: DayKindOf): DaySlot[] {
  const first = Math.floor((from + SHANGHAI_OFFSET_MS) / DAY_MS);
  const last = Math.floor((to - 1 + SHANGHAI_OFFSET_MS) / DAY_MS);
  const days: DaySlot[] = [];
  const weights: number[] = [];
  for (let day = first; day <= last; day++) {
    const date = localDate(day);
    const kind = dayKindOf(date);
    const month = Number(date.slice(5, 7));
    const start = day * DAY_MS - SHANGHAI_OFFSET_MS;
    // a partial first or last day weighs its share of the day
    const covered = (Math.min(to, start + DAY_MS) - Math.max(from, start)) / DAY_MS;
    days.push({ date, start, kind, month, count: 0 });
    weights.push(townDayFactor(kind, month) * Math.max(0, covered));
  }
  apportion(total, weights).forEach((n, i) => (days[i]!.count = n));
  return days;
}

/** An instant of a local day at which a channel's report arrives, drawn from the channel's hourly curve, inside [from, to). */
export function instantOn(day: DaySlot, channel: Channel, random: Random, from: number, to: number): number {
  const weights = hourWeights(channel);
  for (let attempt = 0; attempt < 20; attempt++) {
    const hour = random.weighted(weights);
    const at = day.start + hour * HOUR_MS + Math.floor(random.next() * HOUR_MS);
    if (at >= from && at < to) return at;
  }
  return Math.min(to - 1, Math.max(from, day.start + Math.floor(random.next() * DAY_MS)));
}
