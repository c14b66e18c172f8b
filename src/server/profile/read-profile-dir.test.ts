import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatProblems, profileContentHash, readProfileDir, validateProfileDir } from './read-profile-dir.js';

const dongping = fileURLToPath(new URL('../../../profiles/dongping/', import.meta.url));

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A private copy of the Dongping profile to break. */
async function copyOfDongping(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cityops-profile-'));
  temps.push(dir);
  await cp(dongping, dir, { recursive: true });
  return dir;
}

/** Edits one YAML file through the yaml Document API (comments and layout survive). */
async function editYaml(dir: string, file: string, path: Array<string | number>, value: unknown): Promise<string> {
  const doc = parseDocument(await readFile(join(dir, file), 'utf8'));
  doc.setIn(path, value);
  const text = doc.toString();
  await writeFile(join(dir, file), text);
  return text;
}

interface Geo {
  features: Array<{ properties: Record<string, unknown>; geometry: unknown }>;
}
async function editGrids(dir: string, change: (g: Geo) => void): Promise<string> {
  const g = JSON.parse(await readFile(join(dir, 'grids.geojson'), 'utf8')) as Geo;
  change(g);
  const text = JSON.stringify(g, null, 1);
  await writeFile(join(dir, 'grids.geojson'), text);
  return text;
}

/** 1-based number of the first line containing `needle` (after `from` lines). */
function lineOf(text: string, needle: string, from = 0): number {
  const i = text.split('\n').findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

describe('readProfileDir on profiles/dongping', () => {
  it('reads the real profile without a single problem', async () => {
    const { profile, problems } = await readProfileDir(dongping);
    expect(formatProblems(problems)).toBe('');
    expect(profile?.town.code).toBe('310151115');
    expect(profile?.stations.map((s) => s.code)).toEqual(['DF', 'FW', 'CJ', 'GL', 'QJ', 'QS', 'HBY']);
    expect(await validateProfileDir(dongping)).toEqual({ ok: true, problems: [] });
  });

  it('hashes the content, not the layout', async () => {
    const first = await readProfileDir(dongping);
    const dir = await copyOfDongping();
    const rules = await readFile(join(dir, 'rules.yaml'), 'utf8');
    await writeFile(join(dir, 'rules.yaml'), `# a new comment\n${rules.replace('radiusMeters: 50', 'radiusMeters:    50')}`);
    const same = await readProfileDir(dir);
    expect(profileContentHash(same.profile!)).toBe(profileContentHash(first.profile!));
    expect(profileContentHash(first.profile!)).toMatch(/^[0-9a-f]{64}$/);

    await editYaml(dir, 'rules.yaml', ['duplicates', 'radiusMeters'], 60);
    const changed = await readProfileDir(dir);
    expect(profileContentHash(changed.profile!)).not.toBe(profileContentHash(first.profile!));
  });
});

describe('readProfileDir on a broken copy', () => {
  it('reports a missing file instead of crashing', async () => {
    const dir = await copyOfDongping();
    await unlink(join(dir, 'rules.yaml'));
    const { profile, problems } = await readProfileDir(dir);
    expect(profile).toBeNull();
    expect(problems).toEqual([{ file: 'rules.yaml', path: '', message: '缺少文件 (missing file)' }]);
    expect(await validateProfileDir(dir)).toEqual({ ok: false, problems });
  });

  it('reports an unknown owner department with file, path and line', async () => {
    const dir = await copyOfDongping();
    const text = await editYaml(dir, 'categories.yaml', ['categories', 0, 'owner'], 'NOBODY');
    const { profile, problems } = await readProfileDir(dir);
    expect(profile).toBeNull();
    expect(problems).toContainEqual({
      file: 'categories.yaml',
      path: 'categories[0].owner',
      message: '部门 NOBODY 不存在 (unknown department NOBODY)',
      line: lineOf(text, 'NOBODY'),
    });
  });

  it("reports a phone 'abc' in Chinese first, with its line", async () => {
    const dir = await copyOfDongping();
    const text = await editYaml(dir, 'departments.yaml', ['departments', 1, 'phone'], 'abc');
    const { problems } = await readProfileDir(dir);
    expect(problems).toEqual([
      { file: 'departments.yaml', path: 'departments[1].phone', message: '不是有效的电话号码 (not a phone number)', line: lineOf(text, 'phone: abc') },
    ]);
    expect(formatProblems(problems)).toBe(
      `departments.yaml:${lineOf(text, 'phone: abc')} departments[1].phone — 不是有效的电话号码 (not a phone number)`,
    );
  });

  it('reports a duplicated grid code at the repeat', async () => {
    const dir = await copyOfDongping();
    let repeated = '';
    const text = await editGrids(dir, (g) => {
      repeated = String(g.features[0]!.properties.code);
      g.features[1]!.properties.code = repeated;
    });
    const { problems } = await readProfileDir(dir);
    const dup = problems.find((p) => p.file === 'grids.geojson' && p.path === 'features[1].properties.code');
    expect(dup?.message).toBe(`网格编码重复：${repeated}，与 features[0].properties.code 相同 (duplicate grid code ${repeated}, first at features[0].properties.code)`);
    // the second "code" line of the file is the repeat
    expect(dup?.line).toBe(lineOf(text, `"code": "${repeated}"`, lineOf(text, `"code": "${repeated}"`)));
  });

  it('reports an overlapping grid', async () => {
    const dir = await copyOfDongping();
    let codes: string[] = [];
    await editGrids(dir, (g) => {
      g.features[1]!.geometry = g.features[0]!.geometry;
      codes = [String(g.features[0]!.properties.code), String(g.features[1]!.properties.code)];
    });
    const { problems } = await readProfileDir(dir);
    const overlap = problems.find((p) => p.file === 'grids.geojson' && p.path === 'features[1].geometry' && p.message.includes('重叠'));
    expect(overlap?.message).toMatch(new RegExp(`^网格 ${codes[1]} 与网格 ${codes[0]} 重叠 \\d+\\.\\d{4} km²`));
    expect(overlap?.line).toBeGreaterThan(1);
  });

  it('reports YAML syntax errors and unknown keys with their lines', async () => {
    const dir = await copyOfDongping();
    await writeFile(join(dir, 'rules.yaml'), 'routing:\n  fallbackUnit: [DSF\n');
    const town = await readFile(join(dir, 'town.yaml'), 'utf8');
    const townText = town
      .replace('  timezone: Asia/Shanghai', '  timezone: Asia/Shanghai\n  mayor: 某某')
      .replace("code: '310151115'", 'code: 310151115');
    await writeFile(join(dir, 'town.yaml'), townText);
    const { problems } = await readProfileDir(dir);
    expect(problems).toContainEqual({ file: 'town.yaml', path: 'town.mayor', message: '未知字段 mayor (unrecognized key mayor)', line: lineOf(townText, 'mayor:') });
    expect(problems).toContainEqual({
      file: 'town.yaml',
      path: 'town.code',
      message: '类型错误，应为字符串（数字编码请加引号） (Invalid input: expected string, received number)',
      line: lineOf(townText, 'code: 310151115'),
    });
    const syntax = problems.find((p) => p.file === 'rules.yaml');
    expect(syntax?.message).toMatch(/^YAML 语法错误/);
    expect(syntax?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('devices.yaml', () => {
  it('is optional: a town without it has no devices, and hashes as before devices existed', async () => {
    const dir = await copyOfDongping();
    const full = await readProfileDir(dir);
    expect(full.profile?.devices.length).toBeGreaterThanOrEqual(30);
    await unlink(join(dir, 'devices.yaml'));
    const { profile, problems } = await readProfileDir(dir);
    expect(problems).toEqual([]);
    expect(profile?.devices).toEqual([]);
    const { devices: _none, ...withoutDevices } = profile!;
    expect(profileContentHash(profile!)).toBe(profileContentHash({ ...withoutDevices } as typeof profile & object));
    expect(profileContentHash(profile!)).not.toBe(profileContentHash(full.profile!));
  });

  /** devices.yaml keeps one device a line: edited as text, so every device stays on its line */
  async function editDevices(dir: string, edits: Array<[string, string]>): Promise<string> {
    let text = await readFile(join(dir, 'devices.yaml'), 'utf8');
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    await writeFile(join(dir, 'devices.yaml'), text);
    return text;
  }

  it('reports a repeated id, a device outside the boundary and an unknown metric, each with file:line', async () => {
    const dir = await copyOfDongping();
    const text = await editDevices(dir, [
      ['{ id: CAM-DF-006,', '{ id: CAM-DF-001,'],
      ['location: [121.4462, 31.7180]', 'location: [121.3000, 31.7000]'],
      ['metrics: [积水深度] }', 'metrics: [湿度] }'],
    ]);
    const { profile, problems } = await readProfileDir(dir);
    expect(profile).toBeNull();
    const lines = formatProblems(problems).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`devices.yaml:${lineOf(text, '北沿公路东风路口')} devices[0].location — 设备 CAM-DF-001 不在镇界内 (device CAM-DF-001 lies outside the town boundary)`);
    expect(lines[1]).toBe(`devices.yaml:${lineOf(text, '森林公园游客停车场')} devices[5].id — 设备编号重复：CAM-DF-001，与 devices[0].id 相同 (duplicate device id CAM-DF-001, first at devices[0].id)`);
    expect(lines[2]).toMatch(new RegExp(`^devices\\.yaml:${lineOf(text, '湿度')} devices\\[25\\]\\.metrics\\[0\\] — 未知的监测指标 湿度`));
  });

  it('reports a wrong kind and a malformed grid code by the schema, with the line', async () => {
    const dir = await copyOfDongping();
    const text = await editDevices(dir, [
      ['{ id: CAM-DF-003, kind: camera,', '{ id: CAM-DF-003, kind: drone,'],
      ['name: 花博园2号门,', "name: 花博园2号门, grid: '12345',"],
    ]);
    const { problems } = await readProfileDir(dir);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.path}`)).toEqual([
      `devices.yaml:${lineOf(text, '花博园1号门')} devices[2].kind`,
      `devices.yaml:${lineOf(text, '花博园2号门')} devices[3].grid`,
    ]);
    expect(problems[1]!.message).toBe('网格编码应为 15 位数字 (a grid code has 15 digits)');
  });
});
