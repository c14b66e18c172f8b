/**
 * Registers 城运巡查's service worker (built by scripts/vite-service-worker.ts) in production builds
 * only: in development Vite serves modules that no cache should keep.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // without a worker the app works online as before; only opening it offline is lost
    });
  });
}
