/** The town this platform runs for, from /health (readable before login, for the login page and header). */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchHealth, type HealthInfo } from '../api/health.js';

export const useTownStore = defineStore('town', () => {
  const health = ref<HealthInfo | null>(null);
  const townName = computed(() => health.value?.profile.townName ?? '');

  async function load(): Promise<void> {
    if (health.value) return;
    try {
      health.value = await fetchHealth();
    } catch {
      // the header then shows the platform name alone; pages report their own load errors
    }
  }

  return { health, townName, load };
});
