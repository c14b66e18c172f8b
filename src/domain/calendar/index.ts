/** Working-time calendar: Asia/Shanghai, chinese-days + the town's overrides, working windows. */
export { createWorkCalendar, isWorkingUnit } from './work-calendar.js';
export type { WorkCalendar, WorkCalendarOptions, WorkdayHours, TimeUnit } from './work-calendar.js';
export type { DayKind, DayKindName, HolidayOverride } from './day-table.js';
export { shanghaiTime, formatShanghai, localDateOf, SHANGHAI_OFFSET_MS } from './local-time.js';
