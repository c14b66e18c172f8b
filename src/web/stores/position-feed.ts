/**
 * The inspector's position feed as the phone app sees it: while an inspector is signed in, the app
 * is open and the feed not paused, navigator.geolocation.watchPosition fills the buffer
 * (offline/position-feed.ts holds the rules) and it is sent every ~60 s, at once when 20 points wait,
 * and when the network returns. The inspector can pause it (off duty); the choice is remembered on
 * the phone per account.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { postPositions } from '../api/inspector-positions.js';
import { PositionBuffer, SEND_EVERY_MS } from '../offline/position-feed.js';
import { useSessionStore } from './session.js';

/** how often the buffer is checked for being due (cheap: no request unless it is) */
const TICK_MS = 5_000;
const pausedKey = (username: string) => `cityops.inspector.positions-paused.${username}`;

/** off: not an inspector or not started; paused: by the inspector; denied/unsupported: no position to be had; unavailable: no fix right now */
export type FeedState = 'off' | 'paused' | 'locating' | 'on' | 'denied' | 'unsupported' | 'unavailable';

function remembered(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export const usePositionFeedStore = defineStore('position-feed', () => {
  const session = useSessionStore();
  const buffer = new PositionBuffer({ send: (points) => postPositions({ points: points.map((p) => ({ ...p, crs: 'wgs84' as const })) }) });
  const state = ref<FeedState>('off');
  const paused = ref(false);
  /** device time of the newest fix the server accepted */
  const lastSentAt = ref<string | null>(null);
  const waiting = ref(0);
  const active = computed(() => session.user?.role === 'inspector');

  let watchId: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastFixAt = 0;

  const sync = (): void => {
    lastSentAt.value = buffer.lastSentAt;
    waiting.value = buffer.size;
  };

  async function flush(): Promise<void> {
    if (!navigator.onLine) return;
    await buffer.flush();
    sync();
  }

  function onFix(p: GeolocationPosition): void {
    lastFixAt = Date.now();
    state.value = 'on';
    const due = buffer.add({
      lng: Math.round(p.coords.longitude * 1e7) / 1e7,
      lat: Math.round(p.coords.latitude * 1e7) / 1e7,
      accuracy: Math.round(p.coords.accuracy * 10) / 10,
      at: new Date(p.timestamp || Date.now()).toISOString(),
    });
    sync();
    if (due) void flush();
  }

  function onError(err: GeolocationPositionError): void {
    state.value = err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable';
  }

  function watch(): void {
    if (!('geolocation' in navigator)) {
      state.value = 'unsupported';
      return;
    }
    if (watchId !== null) return;
    state.value = 'locating';
    watchId = navigator.geolocation.watchPosition(onFix, onError, { enableHighAccuracy: true, maximumAge: 15_000, timeout: 30_000 });
  }

  function unwatch(): void {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null;
  }

  function tick(): void {
    // a phone standing still may stay silent: ask for a fix when none came for a send interval
    if (watchId !== null && state.value !== 'denied' && Date.now() - lastFixAt >= SEND_EVERY_MS) {
      lastFixAt = Date.now();
      navigator.geolocation.getCurrentPosition(onFix, onError, { enableHighAccuracy: true, maximumAge: 30_000, timeout: 30_000 });
    }
    if (buffer.due()) void flush();
  }

  const onOnline = (): void => void flush();

  /** Called by the mobile layout when it opens. */
  function start(): void {
    const me = session.user;
    if (!me || !active.value || timer) return;
    paused.value = remembered(pausedKey(me.username));
    window.addEventListener('online', onOnline);
    timer = setInterval(tick, TICK_MS);
    if (paused.value) state.value = 'paused';
    else watch();
  }

  /** Called when the layout closes (sign-out, leaving /m): what waits is sent first if it can be. */
  function stop(): void {
    unwatch();
    window.removeEventListener('online', onOnline);
    if (timer) clearInterval(timer);
    timer = null;
    state.value = 'off';
    if (session.user) {
      void flush();
    } else {
      // signed out (logout flushed first): the next account must not send this one's points
      buffer.clear();
      sync();
    }
  }

  function setPaused(value: boolean): void {
    const me = session.user;
    if (!me || !active.value) return;
    paused.value = value;
    try {
      localStorage.setItem(pausedKey(me.username), value ? '1' : '0');
    } catch {
      // private mode: paused for this visit only
    }
    if (value) {
      unwatch();
      state.value = 'paused';
      // what was taken while on duty still goes
      void flush();
    } else {
      buffer.sendSoon();
      watch();
    }
  }

  return { state, paused, lastSentAt, waiting, active, start, stop, setPaused, flush };
});
