/**
 * The words of 常态长效 (§八3): a recurring-problem record and what happens to it. The status and
 * action strings are API values, so they never change once published.
 */
import type { Label } from '../case/vocabulary.js';

/**
 * open: found by detection, waiting for the owner's root-cause plan; planned: a plan is recorded;
 * in_progress: work on it is being reported; struck_off: 销项 by the supervisor; reopened: the
 * problem came back after 销项 and needs a plan again.
 */
export const recurringStatuses = ['open', 'planned', 'in_progress', 'struck_off', 'reopened'] as const;
export type RecurringStatus = (typeof recurringStatuses)[number];

export const recurringStatusLabels: Record<RecurringStatus, Label> = {
  open: { zh: '待研判', en: 'Open' },
  planned: { zh: '已制定措施', en: 'Planned' },
  in_progress: { zh: '整治中', en: 'In progress' },
  struck_off: { zh: '已销项', en: 'Struck off' },
  reopened: { zh: '复发', en: 'Reopened' },
};

/** Statuses in which the problem is still being worked on (not struck off). */
export const activeRecurringStatuses: readonly RecurringStatus[] = ['open', 'planned', 'in_progress', 'reopened'];

/** Actions people take on a record; each is an API path segment (POST /recurring/:id/<action>). */
export const recurringActions = ['plan', 'progress', 'strike-off'] as const;
export type RecurringAction = (typeof recurringActions)[number];

export const recurringActionLabels: Record<RecurringAction, Label> = {
  plan: { zh: '制定整治措施', en: 'Record a root-cause plan' },
  progress: { zh: '报告进展', en: 'Report progress' },
  'strike-off': { zh: '销项', en: 'Strike off' },
};

/** Entries of a record's log: the actions above and what detection does by itself. */
export const recurringLogKinds = ['opened', 'plan', 'progress', 'strike-off', 'reopened'] as const;
export type RecurringLogKind = (typeof recurringLogKinds)[number];

/** Where a record is: one H3 cell, or one unit grid. */
export const placeKinds = ['cell', 'grid'] as const;
export type PlaceKind = (typeof placeKinds)[number];
