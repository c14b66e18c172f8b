/**
 * Chinese descriptions as each channel writes them: a caller's complaint, an inspector's patrol
 * note, a camera's or a sensor's alarm, built from the category's own keywords and conditions so
 * the classifier and the dispatcher read them as the real thing.
 */
import type { Channel } from '../case/index.js';
import type { Random } from './random.js';
import { sensorMetrics, videoAlgorithms, type MixCategory } from './case-mix.js';

const places = ['路口', '菜场门口', '小区北门', '公交站旁', '河边', '村委会附近', '桥头', '农田边', '学校门口', '停车场', '老街', '商铺门前', '宅前屋后', '村道旁', '健身广场', '卫生服务站对面', '幼儿园围墙外', '农贸市场东侧'];

/** What is wrong, by the catalogue's major group (01–05 parts, 06–10 events). */
const details: Readonly<Record<string, readonly string[]>> = {
  '01': ['已经损坏', '存在安全隐患', '晚上看不清很危险', '有老人差点摔倒'],
  '02': ['影响通行', '车辆经过很危险', '已经有好几天了'],
  '03': ['又脏又臭', '没人清理', '蚊蝇很多'],
  '04': ['影响周边居民', '需要修剪处理', '有倒伏的危险'],
  '05': ['存在安全隐患', '周边居民很担心'],
  '06': ['影响环境', '已经持续好几天', '气味很大', '周边居民意见很大'],
  '07': ['到处都是', '刚清理过又出现了', '很影响市容'],
  '08': ['一直到深夜', '灰尘很大', '影响出行'],
  '09': ['占用人行道', '造成拥堵', '每天早晚都有', '影响周边商户'],
  '10': ['存在隐患', '周边群众反映强烈', '需要相关部门处理'],
};
const asks = ['请尽快处理', '希望相关部门管一管', '之前反映过一次，至今没人处理', '请派人来看看', '请处理后回电', '影响居民正常生活'];
const callers = ['市民来电反映', '来电人反映', '居民来电称', '市民反映'];

function keywordOf(category: MixCategory, random: Random): string {
  return random.chance(0.7) ? random.pick(category.keywords) : category.name;
}

function detailOf(category: MixCategory, random: Random): string {
  const group = details[category.majorCode] ?? details['10']!;
  const condition = category.limits[0]?.registerCondition;
  return condition && random.chance(0.3) ? condition : random.pick(group);
}

export function placeOf(gridName: string, random: Random): string {
  return `${gridName}${random.pick(places)}`;
}

export interface SensorReading {
  metric: string;
  value: number;
  threshold: number;
  unit: string;
}

/** A sensor reading beyond the category's threshold (or a generic alarm when the category has none). */
export function sensorReading(category: MixCategory, random: Random): SensorReading {
  const m = sensorMetrics[category.code];
  if (!m) return { metric: '异常告警', value: 1, threshold: 0, unit: '次' };
  const value = Math.round(m.threshold * (1 + m.excess * (0.05 + random.next())) * 100) / 100;
  return { metric: m.metric, value, threshold: m.threshold, unit: m.unit };
}

export function videoAlgorithm(category: MixCategory): string {
  return videoAlgorithms[category.code] ?? 'event-detection';
}

/** One report's description, in the voice of its channel. */
export function describe(channel: Channel, category: MixCategory, place: string, random: Random, extra?: { reading?: SensorReading; score?: number }): string {
  const keyword = keywordOf(category, random);
  switch (channel) {
    case 'hotline_12345':
    case 'hotline_12319':
    case 'citizen':
      return `${random.pick(callers)}：${place}${keyword}，${detailOf(category, random)}，${random.pick(asks)}。`;
    case 'police_110':
      return `110转来非警务警情：${place}${keyword}，${detailOf(category, random)}，报警人要求处理。`;
    case 'inspector':
      return `网格巡查发现：${place}${keyword}，${detailOf(category, random)}。`;
    case 'video_patrol':
      return `视频巡查发现：${place}${keyword}。`;
    case 'video_ai':
      return `视频智能分析识别到「${category.name}」（置信度${Math.round((extra?.score ?? 0.9) * 100)}%），位置：${place}。`;
    case 'sensor': {
      const r = extra?.reading ?? sensorReading(category, random);
      return `物联感知告警：${place}${r.metric}${r.value}${r.unit}，阈值${r.threshold}${r.unit}，疑似${category.name}。`;
    }
    case 'department':
      return `部门自查发现：${place}${keyword}，${detailOf(category, random)}。`;
    case 'leader':
      return `领导交办：${place}${keyword}问题，请抓紧处置并报结果。`;
  }
}
