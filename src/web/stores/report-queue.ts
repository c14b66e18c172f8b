/**
 * The inspector app's outbox as the pages see it: the queued reports of the signed-in inspector, the
 * network state, and when to send (at start, on the `online` event, every 30 s while something waits).
 * The rules live in offline/report-queue.ts; this store only wires them to the browser.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { intakeCase, uploadPhoto, type CaseDetailDto } from '../api/cases.js';
import { indexedDbReportStore } from '../offline/idb-report-store.js';
import { ReportQueue, memoryReportStore, type FlushResult, type QueuedReport, type ReportDraft } from '../offline/report-queue.js';
import { useSessionStore } from './session.js';

const RETRY_MS = 30_000;
const ownerKey = 'cityops.inspector.owner';

function rememberedOwner(): string | null {
  try {
    return localStorage.getItem(ownerKey);
  } catch {
    return null;
  }
}

export type SubmitOutcome = { kind: 'sent'; detail: CaseDetailDto } | { kind: 'queued'; report: QueuedReport } | { kind: 'rejected'; report: QueuedReport };

export const useReportQueueStore = defineStore('report-queue', () => {
  const session = useSessionStore();
  const queue = new ReportQueue<CaseDetailDto>(typeof indexedDB === 'undefined' ? memoryReportStore() : indexedDbReportStore(), {
    upload: async (photo) => (await uploadPhoto(photo)).id,
    intake: async (body, key) => (await intakeCase(body, key)).detail,
  });
  const items = shallowRef<QueuedReport[]>([]);
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const sending = ref(false);
  /** bumped whenever a report reached the server, so lists of sent cases reload */
  const sentTick = ref(0);
  const waiting = computed(() => items.value.filter((r) => r.problem === null).length);

  /** Whose queue this is: the signed-in inspector, or the last one when the app opened offline. */
  const owner = (): string | null => session.user?.username ?? rememberedOwner();

  async function refresh(): Promise<void> {
    items.value = await queue.list(owner());
  }
  queue.onChange(() => void refresh());

  async function flush(): Promise<FlushResult<CaseDetailDto> | null> {
    const me = session.user ?? (await session.ensureLoaded().catch(() => null));
    if (!me || !online.value) return null;
    sending.value = true;
    try {
      const result = await queue.flush(me.username);
      if (result.sent.length > 0) sentTick.value++;
      return result;
    } finally {
      sending.value = false;
    }
  }

  /** Stores the report (with its key) first, then tries to send it at once. */
  async function submit(draft: Omit<ReportDraft, 'owner'>): Promise<SubmitOutcome> {
    const who = owner();
    if (!who) throw new Error('no inspector signed in');
    const report = await queue.add({ ...draft, owner: who });
    let result = await flush();
    // a flush already running when the report was added did not see it: one more
    if (result && result.waiting === 0 && !result.sent.some((s) => s.key === report.key) && !result.rejected.some((r) => r.key === report.key)) result = await flush();
    const sent = result?.sent.find((s) => s.key === report.key);
    if (sent) return { kind: 'sent', detail: sent.result };
    const kept = (await queue.list(who)).find((r) => r.key === report.key) ?? report;
    return kept.problem ? { kind: 'rejected', report: kept } : { kind: 'queued', report: kept };
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  const onOnline = (): void => {
    online.value = true;
    void flush();
  };
  const onOffline = (): void => {
    online.value = false;
  };

  /** Called by the mobile layout: listen to the network, send what waits, retry periodically. */
  function start(): void {
    if (timer) return;
    const who = session.user?.username;
    if (who) {
      try {
        localStorage.setItem(ownerKey, who);
      } catch {
        // private mode: the queue still works for this visit
      }
    }
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    timer = setInterval(() => {
      if (waiting.value > 0) void flush();
    }, RETRY_MS);
    void refresh().then(() => flush());
  }

  function stop(): void {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    if (timer) clearInterval(timer);
    timer = null;
  }

  return {
    items,
    online,
    sending,
    sentTick,
    waiting,
    start,
    stop,
    flush,
    submit,
    refresh,
    remove: (key: string) => queue.remove(key),
    correct: (key: string, changes: Parameters<typeof queue.correct>[1]) => queue.correct(key, changes),
  };
});
