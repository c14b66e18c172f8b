/** The page's period kept in the URL (?period= or ?from=&to=), this month (Beijing time) by default. */
import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { beijingTime } from '../../utils/beijing-time.js';
import { periodFromQuery, periodQuery, type Period } from './period.js';

/** Today in the town's clock, as a local date. */
export const townToday = (): string => beijingTime(new Date().toISOString()).slice(0, 10);

export function usePeriodQuery(): { period: ComputedRef<Period>; setPeriod: (p: Period) => void } {
  const route = useRoute();
  const router = useRouter();
  const period = computed(() => periodFromQuery(route.query, townToday()));
  function setPeriod(p: Period): void {
    const rest = Object.fromEntries(Object.entries(route.query).filter(([k]) => k !== 'period' && k !== 'from' && k !== 'to'));
    void router.replace({ query: { ...rest, ...periodQuery(p) } });
  }
  return { period, setPeriod };
}
