/** Words of 案件地图: a station's (or the town's) open cases on the grid map (zh-CN first; en-US has the same keys). */
export const caseMapZh = {
  caseMap: {
    title: '案件地图',
    menu: '案件地图',
    station: '站点',
    townWide: '全镇',
    open: '在办案件',
    listTitle: '在办案件（红灯在前）',
    count: '{n} 件上图',
    noLocation: '{n} 件无坐标，未上图',
    truncated: '只显示前 {n} 件',
    empty: '没有在办案件',
    live: '实时',
    offline: '实时连接已断开，重连中…',
    legend: { green: '绿灯', yellow: '黄灯', red: '红灯', done: '未计时' },
    popup: { caseNo: '案件编号', category: '类别', status: '状态', leadUnit: '主办单位', reportedAt: '上报时间', unclassified: '未分类', noLead: '未指定' },
    hint: '在案件页就地处置或上报中心',
  },
};

export const caseMapEn: typeof caseMapZh = {
  caseMap: {
    title: 'Case map',
    menu: 'Case map',
    station: 'Station',
    townWide: 'Whole town',
    open: 'Open cases',
    listTitle: 'Open cases (red first)',
    count: '{n} on the map',
    noLocation: '{n} without a location, not shown',
    truncated: 'Only the first {n} are shown',
    empty: 'No open cases',
    live: 'Live',
    offline: 'Live link lost, reconnecting…',
    legend: { green: 'Green', yellow: 'Yellow', red: 'Red', done: 'Not timed' },
    popup: { caseNo: 'Case no.', category: 'Category', status: 'Status', leadUnit: 'Lead unit', reportedAt: 'Reported', unclassified: 'Unclassified', noLead: 'Not set' },
    hint: 'Handle locally or escalate on the case page',
  },
};
