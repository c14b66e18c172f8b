/**
 * The screen's data, live: the dashboard snapshot and the map's cases, fetched again after case
 * events from the stream (coalesced: one fetch in flight, one trailing, ~150 ms after the first
 * event), and once more whenever the stream (re)connects, so nothing missed during a break stays
 * missing. The stream opens after the first snapshot, resuming right after its last event, and
 * after a break resumes from the last event seen (Last-Event-ID). Only the latest snapshots are held: nothing grows while the wall runs for days.
 * The command mode (R9) comes with each snapshot; as the stream carries case events only, it is also
 * asked for every few seconds (one small read), so a declared or stood-down mode shows within them.
 * The inspectors' GPS positions are no case events either: the map is read again every 30 s, so a
 * moved inspector moves and an inspector without news turns grey (stale) without a case happening.
 */
import { onBeforeUnmount, onMounted, shallowRef, watch } from 'vue';
import { fetchCommandMode, type CommandPeriodDto } from '../../api/command-mode.js';
import { fetchDashboard, fetchDashboardMap, type DashboardDto, type DashboardMapDto } from '../../api/dashboard.js';
import { useCaseStream } from '../../utils/case-stream.js';
import { coalescedRefetch } from './refetch.js';

const DELAY_MS = 150;
const RETRY_MS = 10_000;
/** how often the command mode is asked for between snapshots */
export const COMMAND_POLL_MS = 5_000;
/** how often the map is read again for the inspectors' positions (the phones send about once a minute) */
export const MAP_POLL_MS = 30_000;

export function useScreenData() {
  const dashboard = shallowRef<DashboardDto | null>(null);
  const map = shallowRef<DashboardMapDto | null>(null);
  const failed = shallowRef(false);
  /** the last event of the record this page has seen (from the snapshot or the stream) */
  const lastSeq = shallowRef(0);
  /** stream events received since the page opened (shown to tests as data-events) */
  const events = shallowRef(0);
  /** the command period in force, null under daily command */
  const commandMode = shallowRef<CommandPeriodDto | null>(null);
  let retry: ReturnType<typeof setTimeout> | null = null;
  let commandPoll: ReturnType<typeof setInterval> | null = null;
  let mapPoll: ReturnType<typeof setInterval> | null = null;
  const setCommandMode = (p: CommandPeriodDto | null) => {
    // a new object only when the period or its end changed, so the banner is not redrawn for nothing
    if (p?.id !== commandMode.value?.id || p?.endedAt !== commandMode.value?.endedAt) commandMode.value = p;
  };

  const load = async (): Promise<void> => {
    try {
      const [d, m] = await Promise.all([fetchDashboard(), fetchDashboardMap()]);
      dashboard.value = d;
      map.value = m;
      setCommandMode(d.commandMode);
      lastSeq.value = Math.max(lastSeq.value, d.lastSeq);
      failed.value = false;
      // the stream starts right after the first snapshot's last event: nothing falls in between
      start();
    } catch (err) {
      failed.value = true;
      if (!retry) {
        retry = setTimeout(() => {
          retry = null;
          refetch.call();
        }, RETRY_MS);
      }
      throw err;
    }
  };
  const refetch = coalescedRefetch(load, DELAY_MS);

  const { connected, start } = useCaseStream(
    (e) => {
      events.value++;
      if (e.seq > lastSeq.value) lastSeq.value = e.seq;
      refetch.call();
    },
    { deferStart: true, startAfter: () => lastSeq.value || null },
  );
  // (re)connected: whatever happened while the stream was down is in a fresh snapshot
  watch(connected, (up) => {
    if (up) refetch.call();
  });

  onMounted(() => {
    void load().catch(() => undefined);
    commandPoll = setInterval(() => {
      fetchCommandMode().then(
        (m) => setCommandMode(m.current),
        () => undefined, // the snapshot's error state speaks for a broken connection
      );
    }, COMMAND_POLL_MS);
    mapPoll = setInterval(() => {
      // only the map: the figures move with case events, which the stream brings
      fetchDashboardMap().then(
        (m) => (map.value = m),
        () => undefined,
      );
    }, MAP_POLL_MS);
  });
  onBeforeUnmount(() => {
    refetch.cancel();
    if (retry) clearTimeout(retry);
    if (commandPoll) clearInterval(commandPoll);
    if (mapPoll) clearInterval(mapPoll);
  });

  return { dashboard, map, failed, connected, lastSeq, events, commandMode };
}
