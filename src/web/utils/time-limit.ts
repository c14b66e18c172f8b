/** A category's time limit in words: 工作时/工作日 follow the working calendar, 小时/天 are natural time. */
import type { CategoryDto } from '../api/organisation.js';

type Limit = CategoryDto['limits'][number]['steps'][keyof CategoryDto['limits'][number]['steps']];
type Unit = Limit['unit'];

/** The i18n key of a unit; an exhaustive switch so a new unit in the schema fails the type check here. */
export function unitKey(unit: Unit): string {
  switch (unit) {
    case 'workHour':
      return 'units.workHour';
    case 'workDay':
      return 'units.workDay';
    case 'hour':
      return 'units.hour';
    case 'day':
      return 'units.day';
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}

export const stepOrder = ['dispatch', 'accept', 'handle', 'verify', 'visit'] as const;
