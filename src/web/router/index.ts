/** The router: pages need a session except /login; a 401 anywhere returns to /login and back afterwards. */
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { Pinia } from 'pinia';
import { watch } from 'vue';
import { ApiError } from '../api/problem.js';
import { i18n } from '../i18n/index.js';
import { useSessionStore } from '../stores/session.js';
import { useTownStore } from '../stores/town.js';
import { routes } from './routes.js';
import { safeRedirect } from '../utils/safe-redirect.js';

export function buildRouter(pinia: Pinia) {
  const router = createRouter({ history: createWebHistory('/'), routes });

  router.beforeEach(async (to, from) => {
    const session = useSessionStore(pinia);
    let unreachable = false;
    const me = await session.ensureLoaded().catch((err: unknown) => {
      unreachable = err instanceof ApiError && err.status === 0;
      return null;
    });
    if (to.meta.public) {
      // a signed-in user who opens /login goes where they wanted (or home)
      if (me && to.name === 'login') return safeRedirect(to.query.redirect) ?? { name: 'home' };
      return true;
    }
    // the inspector's app opens from the service worker's cache without a network; its queue waits
    if (!me && unreachable && to.meta.offline) return true;
    if (!me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    // an inspector starts in the phone app (after login or on opening the site); the console stays reachable
    if (me.role === 'inspector' && to.name === 'home' && (from.matched.length === 0 || from.name === 'login')) return { name: 'm-report' };
    return true;
  });

  // the browser tab names the page and the town, in the current language
  const town = useTownStore(pinia);
  const setTitle = (route: RouteLocationNormalized): void => {
    const page = route.meta.titleKey ? i18n.global.t(route.meta.titleKey) : '';
    const platform = town.townName ? i18n.global.t('app.title', { town: town.townName }) : i18n.global.t('app.platform');
    document.title = page ? `${page} · ${platform}` : platform;
  };
  router.afterEach((to) => setTitle(to));
  watch([() => i18n.global.locale.value, () => town.townName], () => setTitle(router.currentRoute.value));

  return router;
}
