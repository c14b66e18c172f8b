/** Picking a step's time limit from the category catalogue (categories.yaml). */
import type { Category, SlaStep, TimeLimit, Urgency } from '../profile/schema.js';

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

export function stepLimitsFor(category: Category, urgency: Urgency): StepLimits {
  return limitsEntryFor(category, urgency).steps;
}

export function limitFor(category: Category, urgency: Urgency, step: SlaStep): TimeLimit {
  return stepLimitsFor(category, urgency)[step];
}
