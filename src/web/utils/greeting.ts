/** Which greeting fits the hour in the town's time zone (all Chinese towns keep Asia/Shanghai). */
export type GreetingKey = 'morning' | 'noon' | 'afternoon' | 'evening';

export function townHour(now: Date, timeZone = 'Asia/Shanghai'): number {
  const hour = new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now);
  return Number(hour);
}

export function greetingFor(hour: number): GreetingKey {
  if (hour >= 5 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 13) return 'noon';
  if (hour >= 13 && hour < 18) return 'afternoon';
  return 'evening';
}
