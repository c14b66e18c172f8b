/**
 * The server under benchmark, run as its own process: the real app on a fresh database with the
 * Dongping profile, plus one extra route, POST /api/bench-floor, that answers with one plain INSERT —
 * the floor the full pipeline is compared with. Prints {"port", "apiKey"} on stdout when ready.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { systemClock } from '../../src/domain/clock.js';
import { buildApp } from '../../src/server/app.js';
import { requireActor } from '../../src/server/auth/require-actor.js';
import { createApiKey } from '../../src/server/commands/create-api-key.js';
import { systemActor } from '../../src/server/commands/record-audit.js';
import { loadConfig } from '../../src/server/config.js';
import { createContext } from '../../src/server/main.js';
import { createFloorTable, insertFloorRow } from './floor-table.js';
import { naiveDashboardCounts } from '../../src/server/db/repositories/dashboard-repository.js';
import { naiveAssessmentSums } from '../../src/server/db/repositories/assessment-repository.js';
import { periodRange, unitIndicators } from '../../src/domain/assessment/index.js';
import { getAnnualAssessment } from '../../src/server/assessment/get-annual-assessment.js';

const dataDir = process.env.CITYOPS_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-'));
const config = { ...loadConfig({ ...process.env, CITYOPS_DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
const { ctx } = await createContext(config, systemClock);
const { key } = await createApiKey(ctx, { name: 'bench', role: 'dispatcher', scopes: ['cases:create', 'cases:read', 'assessment:read'] }, { actor: systemActor });
await createFloorTable(ctx.database.db);
const app = await buildApp(ctx);
let n = 0;
app.post('/api/bench-floor', async (request, reply) => {
  requireActor(request);
  await insertFloorRow(ctx.database.db, `${process.pid}-${n++}`, JSON.stringify(request.body), new Date().toISOString());
  return reply.code(201).send({ ok: true });
});
// the dashboard benchmark's baseline: the snapshot's figures by GROUP BY over all cases, per request
app.get('/api/bench-naive-dashboard', async (request) => {
  requireActor(request);
  return naiveDashboardCounts(ctx.database.db, ctx.townId, new Date(Date.now() - 84 * 86_400_000).toISOString());
});
// the assessment benchmark's baselines: the same answers with the sums counted from the facts per request
app.get<{ Querystring: { year: string } }>('/api/bench-naive-annual', async (request) => {
  requireActor(request);
  return getAnnualAssessment(ctx, Number(request.query.year), naiveAssessmentSums);
});
app.get<{ Querystring: { period: string; key: string } }>('/api/bench-naive-scorecard', async (request) => {
  requireActor(request);
  const range = periodRange(request.query.period)!;
  const counts: Record<string, number> = {};
  for (const s of await naiveAssessmentSums(ctx.database.db, ctx.townId, 'unit', range.from, range.to, request.query.key)) counts[s.metric] = s.n;
  return { key: request.query.key, indicators: unitIndicators(counts) };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: Number(new URL(address).port), apiKey: key }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => ctx.database.close()).finally(() => process.exit(0));
  });
}
