/** Picking a step's time limit from the category catalogue (categories.yaml). */
import type { Category, SlaStep, TimeLimit, Urgency } from '../profile/schema.js';

/**
 * Town defaults for a case not yet classified (the catalogue has no entry to read): the same
 * values the Dongping catalogue uses for dispatch/accept/verify/visit, and five working days to handle.
 */
export const unclassifiedLimits: Record<SlaStep, TimeLimit> = {
  dispatch: { amount: 1, unit: 'workHour' },
  accept: { amount: 2, unit: 'workHour' },
  handle: { amount: 5, unit: 'workDay' },
  verify: { amount: 1, unit: 'workDay' },
  visit: { amount: 2, unit: 'workDay' },
};

export type StepLimits = Category['limits'][number]['steps'];

function otherUrgency(urgency: Urgency): Urgency {
  switch (urgency) {
    case 'urgent':
      return 'normal';
    case 'normal':
      return 'urgent';
  }
}

/**
 * The category's limits entry for an urgency. Fallback: when the category defines no entry for
 * that urgency, the other urgency's entry is used (a category listed only as normal still gets
 * deadlines when a case is marked urgent, and vice versa). The schema requires at least one entry,
 * so a limit always exists for a valid category; an invalid (empty) one throws.
 */
export function limitsEntryFor(category: Category, urgency: Urgency): Category['limits'][number] {
  const entry =
    category.limits.find((l) => l.urgency === urgency) ?? category.limits.find((l) => l.urgency === otherUrgency(urgency));
  if (!entry) throw new RangeError(`category ${category.code} has no time limits`);
  return entry;
}

/** The same length on the natural clock: hours and days, the nights, weekends and holidays counted. */
export function onNaturalClock(limit: TimeLimit): TimeLimit {
  switch (limit.unit) {
    case 'workHour':
      return { amount: limit.amount, unit: 'hour' };
    case 'workDay':
      return { amount: limit.amount, unit: 'day' };
    case 'hour':
    case 'day':
      return limit;
  }
}

/**
 * The category's step limits for an urgency. An urgent case runs on the natural clock (R7): when the
 * category lists no urgent entry, its normal entry's limits are counted in hours and days instead of
 * working hours and days. An urgent entry the town wrote is taken as written.
 */
export function stepLimitsFor(category: Category, urgency: Urgency): StepLimits {
  const entry = limitsEntryFor(category, urgency);
  if (urgency !== 'urgent' || entry.urgency === 'urgent') return entry.steps;
  const s = entry.steps;
  return { dispatch: onNaturalClock(s.dispatch), accept: onNaturalClock(s.accept), handle: onNaturalClock(s.handle), verify: onNaturalClock(s.verify), visit: onNaturalClock(s.visit) };
}

/** A step's limit for a case of this category (none: not yet classified, the town's defaults) and urgency. */
export function limitFor(category: Category | undefined, urgency: Urgency, step: SlaStep): TimeLimit {
  if (category) return stepLimitsFor(category, urgency)[step];
  return urgency === 'urgent' ? onNaturalClock(unclassifiedLimits[step]) : unclassifiedLimits[step];
}
