// Is the build output newer than every source file it is built from? Shared by `npm start` and bin/cityops.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** parts: 'server' (src/server, src/domain, src/contracts → dist/server) or 'web' (src/web, src/contracts, src/domain → dist/web). */
export function isBuildFresh(root, part) {
  const stamp = part === 'server' ? path.join(root, 'dist/server/main.js') : path.join(root, 'dist/web/index.html');
  if (!existsSync(stamp)) return false;
  const sources = part === 'server' ? ['src/server', 'src/domain', 'src/contracts'] : ['src/web', 'src/domain', 'src/contracts', 'index.html', 'vite.config.ts'];
  const newest = Math.max(...sources.map((s) => {
    const p = path.join(root, s);
    return existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p);
  }));
  return statSync(stamp).mtimeMs >= newest;
}
