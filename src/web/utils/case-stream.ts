/**
 * The live record: GET /api/v1/stream (Server-Sent Events, `event: case`). The page passes what
 * to do with an event of its case; the stream is closed when the page goes away. EventSource
 * reconnects by itself (the server sends retry: 2000 and resumes from Last-Event-ID).
 */
import { onBeforeUnmount, onMounted, shallowRef, type ShallowRef } from 'vue';

export interface StreamEvent {
  seq: number;
  caseId: string;
  caseNo: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  at: string;
}

function parse(raw: string): StreamEvent | null {
  try {
    const v = JSON.parse(raw) as Partial<StreamEvent>;
    return typeof v.caseId === 'string' && typeof v.action === 'string' ? (v as StreamEvent) : null;
  } catch {
    return null;
  }
}

/** a stream the browser gave up on (an HTTP error instead of a network break) is reopened after this */
const REOPEN_MS = 3000;

export interface CaseStreamOptions {
  /** open only when `start()` is called (e.g. once a snapshot is loaded), not on mount */
  deferStart?: boolean;
  /** the seq to resume after when no event has been seen yet (a snapshot's lastSeq): nothing between is missed */
  startAfter?: () => number | null;
}

/** Subscribes while the component is mounted; `connected` says whether the stream is up. */
export function useCaseStream(onEvent: (e: StreamEvent) => void, options: CaseStreamOptions = {}): { connected: ShallowRef<boolean>; start: () => void } {
  const connected = shallowRef(false);
  let source: EventSource | null = null;
  let lastId = '';
  let reopen: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const open = (): void => {
    if (closed || source || typeof EventSource === 'undefined') return;
    if (!lastId) lastId = String(options.startAfter?.() ?? '');
    // EventSource resends Last-Event-ID itself after a network break; a reopened one says it in the query
    source = new EventSource(lastId ? `/api/v1/stream?lastEventId=${encodeURIComponent(lastId)}` : '/api/v1/stream', { withCredentials: true });
    source.onopen = () => (connected.value = true);
    source.onerror = () => {
      connected.value = false;
      if (source?.readyState !== EventSource.CLOSED) return;
      source = null;
      reopen = setTimeout(() => {
        reopen = null;
        open();
      }, REOPEN_MS);
    };
    source.addEventListener('case', (msg: MessageEvent<string>) => {
      if (msg.lastEventId) lastId = msg.lastEventId;
      const e = parse(msg.data);
      if (e) onEvent(e);
    });
  };
  onMounted(() => {
    if (!options.deferStart) open();
  });
  onBeforeUnmount(() => {
    closed = true;
    if (reopen) clearTimeout(reopen);
    source?.close();
    source = null;
  });
  return { connected, start: open };
}
