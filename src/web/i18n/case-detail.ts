/** Words of the case page: timeline, routing, deadlines and the action forms (zh-CN first). */
export const caseDetailZh = {
  caseDetail: { title: '案件详情' },
};
export const caseDetailEn: typeof caseDetailZh = {
  caseDetail: { title: 'Case' },
};
