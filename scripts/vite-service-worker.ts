/**
 * A Vite plugin that emits /sw.js at build time: src/web/pwa/service-worker.js with the list of
 * files to precache (index.html and every emitted asset, plus the PWA files of src/web/public)
 * and a version from their contents, so a new build installs a new worker and drops the old cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

function publicFiles(dir: string, prefix = '/'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? publicFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

export function serviceWorker(options: { source: string; publicDir: string }): Plugin {
  return {
    name: 'cityops-service-worker',
    apply: 'build',
    // after Vite's own HTML plugin, so index.html is in the bundle
    enforce: 'post',
    generateBundle(_output, bundle) {
      const built = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map'))
        .map((f) => `/${f}`);
      const files = [...new Set(['/index.html', ...built, ...publicFiles(options.publicDir)])].sort();
      const hash = createHash('sha256').update(files.join('\n'));
      for (const item of Object.values(bundle)) hash.update(item.type === 'chunk' ? item.code : item.source);
      const version = hash.digest('hex').slice(0, 12);
      const source = readFileSync(options.source, 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(files)};\n${source}`,
      });
    },
  };
}
