import type { CatalogueCategory } from './classifier.js';

/**
 * A small catalogue for tests, shaped like a town's categories.yaml (GB/T 47678.5-style codes,
 * realistic names and the keywords a town would list). Not production data.
 */
export const FIXTURE_CATEGORIES: CatalogueCategory[] = [
  { code: '01001', majorName: '公用设施', name: '井盖缺失', keywords: ['井盖', '窨井盖', '井盖丢失', '井盖破损', '下水道盖', '雨水井'] },
  { code: '01002', majorName: '公用设施', name: '路灯损坏', keywords: ['路灯', '路灯不亮', '路灯损坏', '灯杆', '照明', '灯不亮'] },
  { code: '01003', majorName: '道路交通', name: '道路破损', keywords: ['路面破损', '坑洼', '大坑', '塌陷', '路面开裂', '坑槽'] },
  { code: '02001', majorName: '市容环境', name: '暴露垃圾', keywords: ['垃圾', '垃圾堆放', '生活垃圾', '乱扔垃圾', '垃圾未清运', '建筑垃圾', '臭气'] },
  { code: '02002', majorName: '市容环境', name: '焚烧垃圾秸秆', keywords: ['焚烧', '烧垃圾', '秸秆', '露天焚烧', '浓烟', '烧树叶'] },
  { code: '02003', majorName: '市容环境', name: '河道污染/水域不洁', keywords: ['河道', '河面', '漂浮物', '水体发黑', '发臭', '排污', '污水直排'] },
  { code: '03001', majorName: '街面秩序', name: '占道经营', keywords: ['占道', '出店经营', '跨门营业', '占用人行道', '店外经营', '门口摆放'] },
  { code: '03002', majorName: '街面秩序', name: '无序设摊', keywords: ['摆摊', '设摊', '流动摊贩', '小贩', '地摊', '卖水果'] },
  { code: '03003', majorName: '街面秩序', name: '违规停车/机动车乱停放', keywords: ['乱停', '违停', '乱停乱放', '停车', '私家车', '汽车'] },
  { code: '03004', majorName: '街面秩序', name: '消防通道堵塞', keywords: ['消防通道', '生命通道', '堵塞', '占用消防通道', '堵死'] },
  { code: '04001', majorName: '园林绿化', name: '绿化损坏', keywords: ['绿化', '草坪', '树木', '毁绿', '砍树', '绿地', '踩踏'] },
  { code: '05001', majorName: '规划建设', name: '违法建筑', keywords: ['违建', '违章搭建', '私搭乱建', '加盖', '彩钢板', '搭建'] },
  { code: '06001', majorName: '社会管理', name: '噪声扰民', keywords: ['噪音', '噪声', '吵', '扰民', '装修', '广场舞'] },
  { code: '06002', majorName: '社会管理', name: '群租', keywords: ['群租', '隔断', '分租', '租客', '多人居住', '出租'] },
  { code: '06003', majorName: '市场监管', name: '食品安全', keywords: ['食品', '过期', '变质', '食物中毒', '无证经营', '卫生'] },
  { code: '06004', majorName: '环境保护', name: '餐饮油烟', keywords: ['油烟', '排油烟', '饭店', '烧烤', '油烟机'] },
  { code: '06005', majorName: '社会管理', name: '违规养犬', keywords: ['遛狗', '犬只', '狗', '不拴绳', '咬人', '狗叫'] },
  { code: '07001', majorName: '公用事业', name: '供水问题', keywords: ['停水', '水压', '自来水', '水管破裂', '没水'] },
];
