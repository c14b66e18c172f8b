import { describe, expect, it } from 'vitest';
import { FIXTURE_CATEGORIES } from './catalogue.fixture.js';
import { LOW_CONFIDENCE, deserializeClassifier, trainClassifier } from './classifier.js';

const code = new Map(FIXTURE_CATEGORIES.map((c) => [c.name, c.code]));
function codeOf(name: string): string {
  const found = code.get(name);
  if (!found) throw new Error(`no fixture category ${name}`);
  return found;
}

const classifier = trainClassifier(FIXTURE_CATEGORIES);

// Citizen phrasings as a 12345 operator would type them; none is a copy of a keyword list.
const phrasings: Array<[string, string]> = [
  ['小区门口井盖不见了，很危险', '井盖缺失'],
  ['家门口那条路的路灯坏了好几天，晚上黑漆漆的', '路灯损坏'],
  ['村口马路上有个大坑，电动车骑过去差点摔倒', '道路破损'],
  ['楼上邻居天天半夜装修，吵得没法睡觉', '噪声扰民'],
  ['在超市买的牛奶过期了还在卖', '食品安全'],
  ['楼下消防通道被私家车堵死了，救护车进不来', '消防通道堵塞'],
  ['好多汽车乱停在人行道上，行人只能走马路', '违规停车/机动车乱停放'],
  ['小区绿地上的树被人砍了好几棵', '绿化损坏'],
  ['隔壁邻居在屋顶上私自加盖了一层彩钢板房', '违法建筑'],
  ['家后面的河道漂着很多垃圾，水发黑发臭', '河道污染/水域不洁'],
  ['一套房子住了十几个人，隔成好多小间出租', '群租'],
  ['田里有人在烧秸秆，浓烟滚滚', '焚烧垃圾秸秆'],
  ['路边垃圾堆了好几天没人清理，臭气熏天', '暴露垃圾'],
  ['饭店门口把桌子摆到人行道上营业', '占道经营'],
  ['小饭馆排出的油烟熏得我们家没法开窗', '餐饮油烟'],
  ['有人遛狗不拴绳，狗把小孩咬了', '违规养犬'],
  ['我们小区已经停水一整天了', '供水问题'],
];

describe('trainClassifier: catalogue only', () => {
  it.each(phrasings)('%s → %s', (text, expected) => {
    const [top] = classifier.suggest(text);
    expect(top?.code).toBe(codeOf(expected));
  });

  it('puts 占道经营 and 无序设摊 first for the street-vendor order', () => {
    const suggestions = classifier.suggest('东平镇北沿公路森林公园门口有人摆摊卖水果，占道经营，影响通行');
    expect(suggestions.slice(0, 2).map((s) => s.code).sort()).toEqual([codeOf('占道经营'), codeOf('无序设摊')]);
    expect(suggestions[1]!.matchedTerms).toEqual(expect.arrayContaining(['摆摊', '卖水果']));
  });

  it('explains a suggestion by the terms that matched', () => {
    const [top] = classifier.suggest('小区门口井盖不见了，很危险');
    expect(top!.matchedTerms).toContain('井盖');
    expect(top!.matchedTerms).not.toContain('危险');
  });

  it('is confident when several catalogue terms agree', () => {
    const [top] = classifier.suggest('有人遛狗不拴绳，狗把小孩咬了');
    expect(top!.confidence).toBeGreaterThan(0.9);
    expect(top!.lowConfidence).toBe(false);
  });

  it('gives low confidence to text that names no category', () => {
    for (const text of ['请问办理居住证需要带什么材料', '今天天气不错', '', '12345']) {
      const [top] = classifier.suggest(text);
      expect(top!.confidence).toBeLessThan(LOW_CONFIDENCE);
      expect(top!.lowConfidence).toBe(true);
    }
  });

  it('returns k suggestions, best first, with confidences in [0, 1] summing to at most 1', () => {
    const all = classifier.suggest('路边垃圾堆了好几天没人清理，臭气熏天', FIXTURE_CATEGORIES.length);
    expect(all).toHaveLength(FIXTURE_CATEGORIES.length);
    let sum = 0;
    for (let i = 0; i < all.length; i++) {
      expect(all[i]!.confidence).toBeGreaterThanOrEqual(0);
      expect(all[i]!.confidence).toBeLessThanOrEqual(1);
      if (i > 0) expect(all[i]!.confidence).toBeLessThanOrEqual(all[i - 1]!.confidence);
      sum += all[i]!.confidence;
    }
    expect(sum).toBeLessThanOrEqual(1);
    // the rest of the mass is "none of these"; with a clear text it is small
    expect(sum).toBeGreaterThan(0.9);
    expect(classifier.suggest('路灯不亮', 1)).toHaveLength(1);
    expect(classifier.suggest('路灯不亮')).toHaveLength(3);
  });

  it('rejects duplicate category codes', () => {
    const first = FIXTURE_CATEGORIES[0]!;
    expect(() => trainClassifier([first, { ...first, name: '另一个' }])).toThrow(/unique/);
  });
});

describe('learning from closed cases', () => {
  const muck = '渣土车沿路撒漏泥土';
  const closedCases = [
    { text: '工地渣土车带泥上路，路上全是泥土', categoryCode: codeOf('暴露垃圾') },
    { text: '渣土车运输时撒漏，马路上一层泥', categoryCode: codeOf('暴露垃圾') },
    { text: '夜里渣土车把泥土撒漏在路口', categoryCode: codeOf('暴露垃圾') },
  ];

  it('learns a subject the catalogue does not mention', () => {
    const before = classifier.suggest(muck)[0]!;
    expect(before.lowConfidence).toBe(true);
    const trained = trainClassifier(FIXTURE_CATEGORIES, closedCases);
    const after = trained.suggest(muck)[0]!;
    expect(after.code).toBe(codeOf('暴露垃圾'));
    expect(after.confidence).toBeGreaterThan(before.confidence + 0.3);
    expect(after.matchedTerms).toEqual(expect.arrayContaining(['渣土', '撒']));
  });

  it('shifts an ambiguous order towards how past cases were closed', () => {
    const text = '森林公园门口有人摆摊卖水果，占道经营';
    const vendorCases = Array.from({ length: 4 }, (_, i) => ({
      text: `公园门口有流动摊贩摆摊卖水果${'，又来了'.repeat(i)}`,
      categoryCode: codeOf('无序设摊'),
    }));
    const before = classifier.suggest(text);
    const after = trainClassifier(FIXTURE_CATEGORIES, vendorCases).suggest(text);
    const share = (list: typeof before) => list.find((s) => s.code === codeOf('无序设摊'))?.confidence ?? 0;
    expect(share(after)).toBeGreaterThan(share(before));
    expect(after[0]!.code).toBe(codeOf('无序设摊'));
  });

  it('update() learns incrementally, the same as training with the examples', () => {
    const incremental = trainClassifier(FIXTURE_CATEGORIES);
    // scored before learning too: what scoring keeps per model must follow every update
    const before = incremental.suggest(muck);
    for (const c of closedCases) {
      expect(incremental.update(c)).toBe(true);
      incremental.suggest(c.text);
    }
    expect(incremental.suggest(muck)).not.toEqual(before);
    const batch = trainClassifier(FIXTURE_CATEGORIES, closedCases);
    expect(incremental.suggest(muck)).toEqual(batch.suggest(muck));
  });

  it('update() ignores a category the catalogue does not have', () => {
    const c = trainClassifier(FIXTURE_CATEGORIES);
    expect(c.update({ text: '渣土车撒漏', categoryCode: '99999' })).toBe(false);
    expect(c.suggest(muck)).toEqual(classifier.suggest(muck));
  });
});

describe('serialize / deserializeClassifier', () => {
  it('round-trips through JSON with identical suggestions', () => {
    const trained = trainClassifier(FIXTURE_CATEGORIES, [{ text: '渣土车撒漏泥土', categoryCode: codeOf('暴露垃圾') }]);
    const restored = deserializeClassifier(JSON.parse(JSON.stringify(trained.serialize())));
    for (const [text] of phrasings.slice(0, 5)) expect(restored.suggest(text)).toEqual(trained.suggest(text));
    expect(restored.suggest('渣土车撒漏')).toEqual(trained.suggest('渣土车撒漏'));
  });

  it('keeps learning after being restored, without touching the original', () => {
    const original = trainClassifier(FIXTURE_CATEGORIES);
    const restored = deserializeClassifier(original.serialize());
    restored.update({ text: '渣土车撒漏泥土', categoryCode: codeOf('暴露垃圾') });
    expect(restored.suggest('渣土车撒漏泥土')[0]!.code).toBe(codeOf('暴露垃圾'));
    expect(original.suggest('渣土车撒漏泥土')[0]!.lowConfidence).toBe(true);
  });
});
