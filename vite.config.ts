/**
 * The web console (DESIGN D3). Sources live in src/web; the build goes to dist/web, which the
 * server serves on its own port (src/server/routes/web.ts). In development `vite` proxies /api to
 * a running server (CITYOPS_API, default http://127.0.0.1:8080).
 */
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { serviceWorker } from './scripts/vite-service-worker.js';
import { elementPlusStyles } from './scripts/vite-element-plus-styles.mjs';

export default defineConfig({
  root: 'src/web',
  base: '/',
  // each page's chunk carries the Element Plus styles of the components it uses, not the whole theme;
  // the inspector app's service worker is written with the list of built files to cache
  plugins: [vue(), elementPlusStyles(), serviceWorker({ source: 'src/web/pwa/service-worker.js', publicDir: 'src/web/public' })],
  define: {
    // vue-i18n: composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  server: {
    proxy: { '/api': { target: process.env.CITYOPS_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // The framework every page needs gets one stable, well-named chunk (cached across deploys of
        // the app's own code). Element Plus stays split per page; Leaflet lives only in the map page.
        codeSplitting: {
          groups: [{ name: 'vue-vendor', test: /[\\/]node_modules[\\/](vue|@vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }],
        },
      },
    },
  },
});
