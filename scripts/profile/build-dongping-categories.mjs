#!/usr/bin/env node
/**
 * Builds profiles/dongping/categories.yaml from the spec in dongping-categories.data.mjs and the reference
 * tables in ../shared/reference (GB/T 47678.5-2026 codes, CJ/T 214 codes, published time limits).
 * The reference tables are read here, at generation time only: the product reads the generated YAML.
 *
 *   node scripts/profile/build-dongping-categories.mjs           write the YAML
 *   node scripts/profile/build-dongping-categories.mjs --check   exit 1 if the YAML is not what the spec gives
 */
import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';
import { DUTY_DEPARTMENTS, EXTENSION_PREFIX, STEP_DEFAULTS, categories as spec } from './dongping-categories.data.mjs';

const REFERENCE = new URL('../../../shared/reference/', import.meta.url);
const OUTPUT = new URL('../../profiles/dongping/categories.yaml', import.meta.url);

/** Minimal RFC 4180 reader: quoted fields may hold commas and doubled quotes. */
function readCsv(name) {
  const text = readFileSync(new URL(name, REFERENCE), 'utf8');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const gbRows = readCsv('categories-gb47678.5-2026.csv');
const cjtRows = readCsv('categories-cjt214.csv');
const limitRows = readCsv('time-limits.csv');

const fail = (msg) => {
  throw new Error(`build-dongping-categories: ${msg}`);
};

/** Majors 01–05 are the 部件 classes (the standard lists them again as 事项 "…异常"); 06–10 are events. */
const kindOf = (code) => (Number(code.slice(0, 2)) <= 5 ? '部件' : '事件');
const gbKind = (kind) => (kind === '部件' ? '部件' : '事项');

const PUBLISHED_UNIT = { 工作时: 'workHour', 工作日: 'workDay', 紧急工作时: 'hour', 紧急工作日: 'day' };
/** A limit published as urgent (continuous clock) is counted in working time when it serves a normal case. */
const WORKING_UNIT = { hour: 'workHour', day: 'workDay', workHour: 'workHour', workDay: 'workDay' };
const UNITS_FOR = { normal: ['workHour', 'workDay'], urgent: ['hour', 'day'] };

function parsePublished(text) {
  const m = /^(\d+(?:\.\d+)?)(紧急工作时|紧急工作日|工作时|工作日)/.exec(text);
  if (!m) fail(`cannot read handle limit "${text}"`);
  return { amount: Number(m[1]), unit: PUBLISHED_UNIT[m[2]] };
}

const tidy = (s) => s.replace(/\s+/g, '').replace(/c㎡/g, 'cm²').replace(/[、，,]+$/u, '');
const cityOf = (row) => (row.city.startsWith('运城') ? '运城' : row.city.startsWith('济源') ? '济源' : row.city);

/** One urgency's handle limit and conditions, with a note saying where they come from. */
function limitFor(category, urgency, sel) {
  const s = typeof sel === 'string' ? { row: sel } : sel;
  let handle;
  let reg;
  let close;
  let source;
  if (s.own !== undefined) {
    const [amount, unit] = s.own.split(' ');
    handle = { amount: Number(amount), unit };
    ({ reg, close } = s);
    source = 'town estimate (no published row)';
  } else {
    const [name, sub = ''] = s.row.split('|');
    const row = limitRows.find((r) => r.name === name && r.register_condition.includes(sub));
    if (!row) fail(`${category.code}: no time-limit row "${s.row}"`);
    const published = parsePublished(row.handle_limit);
    const publishedUrgent = row.urgency === '紧急';
    if (urgency === 'urgent' && !publishedUrgent) fail(`${category.code}: "${s.row}" is not an urgent row`);
    handle = urgency === 'normal' ? { amount: published.amount, unit: WORKING_UNIT[published.unit] } : published;
    reg = s.reg ?? tidy(row.register_condition);
    close = s.close ?? tidy(row.close_condition);
    source = `${cityOf(row)} ${row.name} ${row.code}`;
    if (urgency === 'normal' && publishedUrgent) source += ', published as 紧急, counted in working time';
    if (s.reg !== undefined || s.close !== undefined) source += ', town wording';
  }
  if (!UNITS_FOR[urgency].includes(handle.unit)) fail(`${category.code}: ${urgency} handle unit ${handle.unit}`);
  if (!(handle.amount > 0) || !reg || !close) fail(`${category.code}: incomplete ${urgency} limit`);
  const d = STEP_DEFAULTS[urgency];
  const step = ([amount, unit]) => ({ amount, unit });
  return {
    value: {
      urgency,
      registerCondition: reg,
      closeCondition: close,
      steps: { dispatch: step(d.dispatch), accept: step(d.accept), handle, verify: step(d.verify), visit: step(d.visit) },
    },
    source,
  };
}

/** CJ/T 214 numbers 部件 and 事件 separately; a code used by both kinds stays with the event. */
function legacyPlan() {
  const byCode = new Map();
  for (const c of spec) {
    if (c.legacy === undefined) continue;
    const kind = kindOf(c.code);
    const row = cjtRows.find((r) => r.kind === kind && r.minor_code === c.legacy);
    if (!row) fail(`${c.code}: CJ/T 214 ${kind} ${c.legacy} does not exist`);
    if (row.code_status.includes('INFERRED')) fail(`${c.code}: CJ/T 214 ${c.legacy} is only inferred`);
    const list = byCode.get(c.legacy) ?? [];
    list.push({ c, kind, row });
    byCode.set(c.legacy, list);
  }
  const plan = new Map();
  for (const [code, users] of byCode) {
    const kinds = new Set(users.map((u) => u.kind));
    if (users.length > kinds.size) fail(`CJ/T 214 ${code} used twice for the same kind`);
    for (const u of users) {
      // CJ/T 214 numbers 部件 and 事件 separately: a legacy code is unique per kind, so both keep it
      plan.set(u.c.code, { keep: true, comment: ` CJ/T 214 ${u.kind} ${code} ${u.row.minor_name}` });
    }
  }
  return plan;
}

function buildCategory(c, legacy) {
  const kind = kindOf(c.code);
  const majorCode = c.code.slice(0, 2);
  const majorRow = gbRows.find((r) => r.kind === gbKind(kind) && r.major_code === majorCode);
  if (!majorRow) fail(`${c.code}: unknown major ${majorCode}`);
  const row = gbRows.find((r) => r.kind === gbKind(kind) && r.minor_code === c.code);
  let name;
  if (c.ext !== undefined) {
    if (!c.code.startsWith(EXTENSION_PREFIX)) fail(`${c.code}: town extensions use ${EXTENSION_PREFIX}xx`);
    if (row) fail(`${c.code}: the standard already uses this code (${row.minor_name || 'GAP'})`);
    if (!c.name) fail(`${c.code}: a town extension needs a name`);
    name = c.name;
  } else {
    if (!row) fail(`${c.code}: not in GB/T 47678.5-2026`);
    if (row.code_status === 'GAP') fail(`${c.code}: a GAP row`);
    name = c.name ?? row.minor_name;
  }
  for (const d of [c.owner, c.lead, ...(c.assists ?? [])]) {
    if (d !== undefined && !DUTY_DEPARTMENTS.includes(d)) fail(`${c.code}: unknown department ${d}`);
  }
  if ((c.lead !== undefined) !== (c.assists !== undefined)) fail(`${c.code}: lead and assists go together`);
  const keywords = c.kw.split(' ');
  if (keywords.length < 4 || keywords.length > 10) fail(`${c.code}: ${keywords.length} keywords`);
  if (c.normal === undefined) fail(`${c.code}: every category needs a normal limit`);

  const limits = [limitFor(c, 'normal', c.normal)];
  if (c.urgent !== undefined) limits.push(limitFor(c, 'urgent', c.urgent));
  const value = {
    code: c.code,
    kind,
    majorCode,
    majorName: majorRow.major_name,
    name,
    ...(legacy?.keep ? { legacyCode: c.legacy } : {}),
    owner: c.owner,
    ...(c.lead !== undefined ? { lead: c.lead, assists: c.assists } : {}),
    ...(c.station ? { stationLevel: true } : {}),
    ...(c.persistent ? { persistent: true } : {}),
    keywords,
    limits: limits.map((l) => l.value),
  };
  return { value, ext: c.ext, legacy, sources: limits.map((l) => l.source) };
}

/** Keywords train the classifier: one word, one category, and never another category's name. */
function checkKeywords(built) {
  const seen = new Map();
  const names = new Map(built.map((b) => [b.value.name, b.value.code]));
  if (names.size !== built.length) fail('two categories share a name');
  for (const { value } of built) {
    for (const k of value.keywords) {
      if (seen.has(k) && seen.get(k) !== value.code) fail(`keyword ${k} in ${seen.get(k)} and ${value.code}`);
      seen.set(k, value.code);
      const named = names.get(k);
      if (named !== undefined && named !== value.code) fail(`keyword ${k} of ${value.code} is the name of ${named}`);
    }
  }
}

const HEADER = ` 东平镇 分类目录 categories.yaml — GENERATED, do not edit by hand: change
 scripts/profile/dongping-categories.data.mjs and run node scripts/profile/build-dongping-categories.mjs

 Where the data comes from:
 - code, majorName, name: GB/T 47678.5-2026 城市运行管理服务平台 第5部分：管理部件和事项 (five-digit codes,
   major 2 + minor 3). Majors 01–05 are 部件 (the standard lists them again as 事项 "…异常"), 06–10 are 事件.
   Where the standard's name is not what people say, the everyday word is the first keyword
   (不明井盖 → 井盖缺失, 私搭乱建 → 违法建筑, 无照经营游商 → 无序设摊, 机动车乱停放 → 违规停车, …).
 - Town extensions: codes ${EXTENSION_PREFIX}01… (major 10 其他事项类, minor 9xx) for problems the standard has no row
   for; each says "town extension" where it stands. No GAP row of the standard is used.
 - legacyCode: CJ/T 214-2007 / GB/T 30428.2-2013 four-digit code where the same thing exists there and the
   code is well attested (inferred event codes are left out). CJ/T 214 numbers 部件 and 事件 separately
   (0101 is both 上水井盖 and 私搭乱建): a legacy code is unique per kind (部件 / 事件), not across both.
 - limits: handle time, registerCondition (立案条件) and closeCondition (结案条件) adapted from the published
   standards of 运城市 (Shanxi) and 济源市 (Henan): 工作时 → workHour, 工作日 → workDay, 紧急工作时 → hour,
   紧急工作日 → day. Where a city publishes only a 紧急 limit, the normal entry counts the same amount in
   working time. Each handle names its source; "town estimate" where no published row matched.
 - dispatch / accept / verify / visit are not published there; town defaults:
     normal: dispatch 1 workHour, accept 2 workHour, verify 1 workDay, visit 2 workDay
     urgent: dispatch 0.25 hour (15 min), accept 0.5 hour, verify 2 hour, visit 1 day
 - owner / lead / assists: estimated for a 崇明 farm-and-tourism town (the reference typical_owner mapped
   onto departments.yaml). Assisting 居委会 are chosen per case and are not listed here.
 - stationLevel: handled first by the station's own forces (特保, 环卫, 物业, 河道保洁).
   persistent: the seed's 顽症 — 违法建筑, 河道污染, 群租, 无序设摊 — and nothing else.
`.trimEnd();

function render() {
  const legacy = legacyPlan();
  const built = spec.map((c) => buildCategory(c, legacy.get(c.code)));
  const codes = new Set(built.map((b) => b.value.code));
  if (codes.size !== built.length) fail('duplicate category code');
  checkKeywords(built);

  const doc = new YAML.Document({ categories: built.map((b) => b.value) });
  doc.commentBefore = HEADER;
  const items = doc.get('categories').items;
  items.forEach((node, i) => {
    const b = built[i];
    node.spaceBefore = i > 0;
    if (b.ext !== undefined) node.commentBefore = ` town extension: ${b.ext}`;
    if (b.legacy !== undefined) {
      if (b.legacy.keep) node.get('legacyCode', true).comment = b.legacy.comment;
      else node.commentBefore = [node.commentBefore, b.legacy.comment].filter(Boolean).join('\n');
    }
    node.get('keywords', true).flow = true;
    const assists = node.get('assists', true);
    if (assists) assists.flow = true;
    node.get('limits', true).items.forEach((limit, j) => {
      const steps = limit.get('steps', true);
      for (const pair of steps.items) pair.value.flow = true;
      steps.get('handle', true).comment = ` ${b.sources[j]}`;
    });
  });
  return { text: doc.toString({ lineWidth: 0 }), built };
}

const { text, built } = render();
if (process.argv.includes('--check')) {
  const current = readFileSync(OUTPUT, 'utf8');
  if (current !== text) {
    console.error('categories.yaml is out of date: run node scripts/profile/build-dongping-categories.mjs');
    process.exit(1);
  }
  console.log('categories.yaml is up to date');
} else {
  writeFileSync(OUTPUT, text);
  const owners = {};
  for (const { value } of built) owners[value.owner] = (owners[value.owner] ?? 0) + 1;
  console.log(`wrote ${built.length} categories to ${OUTPUT.pathname}`);
  console.log('owners:', DUTY_DEPARTMENTS.map((d) => `${d} ${owners[d] ?? 0}`).join(', '));
}
