// `npm start` builds what is missing or older than its sources, then the server starts from dist/.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!isBuildFresh(root, 'server')) {
  console.log('构建服务端 building the server…');
  execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
}
if (existsSync(path.join(root, 'src/web/main.ts')) && !isBuildFresh(root, 'web')) {
  console.log('构建网页 building the web console…');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
