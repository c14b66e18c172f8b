#!/usr/bin/env node
// The `cityops` command: runs the built CLI when it exists, otherwise the TypeScript sources through tsx
// (so `npx cityops …` works in a fresh clone before any build, and never runs a stale build).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/server/cli/index.js');
const { isBuildFresh } = await import(pathToFileURL(path.join(root, 'scripts/build-state.mjs')).href);
let cli;
if (existsSync(built) && isBuildFresh(root, 'server') && !process.env.CITYOPS_FROM_SOURCE) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(pathToFileURL(path.join(root, 'src/server/cli/index.ts')).href);
}
await cli.runCli(process.argv);
