/**
 * The one screen's cameras, sensors and command banner (issue #5, MISSION R9), at 1920×1080 as the
 * leader: a sensor and a camera that reported open cases are drawn in alarm, the others normal, and a
 * device's summary lists its cases; the leader declares 防汛防台 Ⅱ级响应 on the console's 指挥模式
 * page and the screen shows the banner in the level's colour without covering a panel (also at
 * 1366×768 and 3840×2160); a stand-down through the API takes it away within seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModeDto } from '../src/contracts/command-mode.js';
import type { DashboardMapDto } from '../src/contracts/dashboard.js';
import { apiCookie, apiGet, apiPost } from './support/api.js';
import { baseUrl, closeBrowser, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

const panels = ['screen-header', 'panel-kpis', 'panel-channels', 'panel-categories', 'panel-departments', 'panel-map', 'panel-alerts', 'panel-stations', 'panel-trends'];

describe('一屏观全镇: devices and the command banner', () => {
  let s: Session;
  let dispatcher = '';
  let leader = '';
  beforeAll(async () => {
    s = await openBrowser();
    dispatcher = await apiCookie('dispatcher');
    leader = await apiCookie('leader');
    // a water-level alarm at 北沿河东风闸 and a stall seen by the forest park's south-gate camera
    await apiPost('/cases', dispatcher, {
      channel: 'sensor', categoryCode: '01071', description: '物联感知告警：北沿河东风闸外河水位4.6m，阈值4.2m', location: { lng: 121.448, lat: 31.722 },
      channelData: { deviceId: 'IOT-SW-001', metric: '外河水位', value: 4.6, threshold: 4.2, unit: 'm' },
    });
    await apiPost('/cases', dispatcher, {
      channel: 'video_ai', categoryCode: '09001', description: '视频智能分析：森林公园南大门流动摊贩', location: { lng: 121.483, lat: 31.668 },
      channelData: { cameraId: 'CAM-DF-005', algorithm: 'street-vendor', score: 0.93 },
    });
    // the town is under daily command when the test starts
    const now = await apiGet<CommandModeDto>('/command-mode', 'leader');
    if (now.current) await apiPost('/command-mode/stand-down', leader, {});
  }, 60_000);
  afterAll(async () => closeBrowser(s));

  it('lets the leader declare an emergency on the 指挥模式 page', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1366, height: 768 });
    await logIn(page, 'leader');
    await page.locator('[data-test=menu-command]').click();
    await page.waitForURL(`${baseUrl}/command`);
    await waitForText(page, '[data-test=command-current-text]', '日常指挥');
    await page.locator('[data-test=command-mode-emergency]').click();
    await page.locator('[data-test=command-level-II]').click();
    for (const [select, name] of [
      ['command-commander', '黄国平'],
      ['command-deputy', '沈婷'],
    ] as const) {
      await page.locator(`[data-test=${select}]`).click();
      await page.keyboard.type(name);
      await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click();
    }
    await page.locator('textarea[data-test=command-reason]').fill('台风“烟花”预计明日登陆，启动防汛防台Ⅱ级响应');
    await page.locator('[data-test=command-submit]').click();
    const text = await waitForText(page, '[data-test=command-current-text]', '应急指挥');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('应急指挥 · 防汛防台 Ⅱ级响应（橙色） · 总指挥 黄国平 · 副总指挥 沈婷');
    expect(await page.locator('[data-test=command-history] tbody tr').count()).toBeGreaterThanOrEqual(1);
    console.log(`screenshot: ${await screenshot(page, 'command-page-1366x768')}`);
  });

  it('shows the banner and the devices on the screen at 1920×1080', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/screen`);
    await page.locator('[data-test=screen-map][data-ready=true]').waitFor();
    const banner = await waitForText(page, '[data-test=command-banner-text]', '应急指挥');
    expect(banner).toMatch(/^应急指挥 · 防汛防台 Ⅱ级响应（橙色） · 总指挥 黄国平 · 副总指挥 沈婷 · 自 \d{2}:\d{2}$/);
    expect(await page.evaluate("getComputedStyle(document.querySelector('[data-test=command-banner]')).backgroundColor")).toBe('rgb(249, 115, 22)');

    const m = await apiGet<DashboardMapDto>('/dashboard/map', 'leader');
    const alarms = m.devices.filter((d) => d.state === 'alarm').map((d) => d.id).sort();
    expect(alarms).toEqual(expect.arrayContaining(['CAM-DF-005', 'IOT-SW-001']));
    await page.waitForFunction(`document.querySelectorAll('[data-device-id]').length === ${m.devices.length}`);
    const drawn = (await page.locator('[data-device-state=alarm]').evaluateAll((els) => els.map((e) => e.getAttribute('data-device-id') ?? ''))).sort();
    expect(drawn).toEqual(alarms);
    expect(await page.locator('[data-device-kind=camera]').count()).toBe(m.devices.filter((d) => d.kind === 'camera').length);
    expect(await page.locator('[data-test=legend-devices]').textContent()).toContain('视频监控');

    await page.waitForTimeout(500);
    console.log(`screenshot: ${await screenshot(page, 'screen-command-1920x1080')}`);

    // a sensor in alarm opens its summary with its cases
    await page.locator('[data-device-id=IOT-SW-001]').click();
    const popup = page.locator('[data-test=device-popup]');
    await popup.waitFor();
    const text = (await popup.textContent()) ?? '';
    const sensor = m.devices.find((d) => d.id === 'IOT-SW-001')!;
    expect(sensor.openCases).toBeGreaterThanOrEqual(1);
    for (const part of ['北沿河东风闸外河水位', '传感器', '外河水位', '告警', `在办案件：${sensor.openCases}`, sensor.cases[0]!.caseNo]) expect(text).toContain(part);
    expect(await popup.locator('[data-test=device-case-link]').first().getAttribute('href')).toMatch(/^\/cases\//);
    await page.waitForTimeout(500);
    console.log(`screenshot: ${await screenshot(page, 'screen-command-1920x1080-device')}`);
    await page.locator('.leaflet-popup-close-button').click();
    await popup.waitFor({ state: 'detached' });
  });

  it('keeps the banner clear of every panel at 1920×1080, 1366×768 and 3840×2160', async () => {
    const { page } = s;
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(800);
      const boxes = await Promise.all(['command-banner', ...panels].map(async (p) => ({ p, box: (await page.locator(`[data-test=${p}]`).boundingBox())! })));
      for (const { p, box } of boxes) {
        expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5, `${p} inside ${width}×${height}`).toBe(true);
      }
      const b = boxes[0]!.box;
      for (const { p, box } of boxes.slice(1)) {
        const overlap = Math.min(b.x + b.width, box.x + box.width) - Math.max(b.x, box.x) > 0.5 && Math.min(b.y + b.height, box.y + box.height) - Math.max(b.y, box.y) > 0.5;
        expect(overlap, `banner and ${p} overlap at ${width}×${height}`).toBe(false);
      }
      if (width === 3840) console.log(`screenshot: ${await screenshot(page, 'screen-command-3840x2160')}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('takes the banner away within seconds of a stand-down through the API', async () => {
    const { page } = s;
    const started = Date.now();
    await apiPost('/command-mode/stand-down', leader, { note: '台风已过境，解除响应' });
    await page.locator('[data-test=command-banner]').waitFor({ state: 'detached', timeout: 10_000 });
    const ms = Date.now() - started;
    console.log(`banner gone ${ms} ms after the stand-down`);
    expect(ms).toBeLessThan(8_000);
    // and a new declaration shows as quickly
    await apiPost('/command-mode', leader, { mode: 'joint', reason: '花博会保障，各部门联席坐席' });
    await waitForText(page, '[data-test=command-banner-text]', '联席指挥', 8_000);
    await apiPost('/command-mode/stand-down', leader, {});
    await page.locator('[data-test=command-banner]').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
