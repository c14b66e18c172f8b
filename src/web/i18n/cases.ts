/** Words of the case list, the queues and the intake form (zh-CN first; en-US must have the same keys). */
export const casesZh = {
  cases: { title: '案件办理', intake: '受理登记' },
};
export const casesEn: typeof casesZh = {
  cases: { title: 'Cases', intake: 'Take an order' },
};
