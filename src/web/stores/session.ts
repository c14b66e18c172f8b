/** Who is signed in. Loaded once per page load (GET /session); cleared on logout or on any 401. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '../api/problem.js';
import { createSession, deleteSession, fetchSession, type SessionUser } from '../api/session.js';

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  /** whether GET /session has answered at least once, so the router guard asks only once */
  const checked = ref(false);

  const signedIn = computed(() => user.value !== null);

  async function ensureLoaded(): Promise<SessionUser | null> {
    if (checked.value) return user.value;
    try {
      user.value = await fetchSession();
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      user.value = null;
    }
    checked.value = true;
    return user.value;
  }

  async function login(username: string, password: string): Promise<SessionUser> {
    const me = await createSession(username, password);
    user.value = me;
    checked.value = true;
    return me;
  }

  async function logout(): Promise<void> {
    try {
      await deleteSession();
    } finally {
      forget();
    }
  }

  /** The server said 401: the session is gone (expired, or ended elsewhere). */
  function forget(): void {
    user.value = null;
    checked.value = true;
  }

  return { user, checked, signedIn, ensureLoaded, login, logout, forget };
});
