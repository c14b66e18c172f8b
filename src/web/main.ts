/**
 * The web console's entry: Pinia, the router, i18n. Element Plus's base styles (its CSS variables) load
 * here; each component's own styles come with the page that uses it (scripts/vite-element-plus-styles.mjs).
 */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/theme-chalk/base.css';
import './styles/base.css';
import App from './app.vue';
import { onUnauthorized } from './api/client.js';
import { i18n } from './i18n/index.js';
import { registerServiceWorker } from './pwa/register-service-worker.js';
import { buildRouter } from './router/index.js';
import { useOrganisationStore } from './stores/organisation.js';
import { useSessionStore } from './stores/session.js';
import { useTownStore } from './stores/town.js';

const pinia = createPinia();
const router = buildRouter(pinia);

// any 401 after login means the session ended (idle timeout, logged out elsewhere): back to login, then return here
onUnauthorized(() => {
  useSessionStore(pinia).forget();
  useOrganisationStore(pinia).clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } });
});

document.documentElement.lang = i18n.global.locale.value;
void useTownStore(pinia).load();

createApp(App).use(pinia).use(router).use(i18n).mount('#app');
registerServiceWorker();
