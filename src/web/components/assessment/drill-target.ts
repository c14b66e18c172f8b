/** What a drill-down shows: the cases behind one metric of one unit, station or inspector. */
import type { AssessmentMetric } from '../../../contracts/assessment.js';
import type { AssessmentSubject } from '../../../domain/assessment/event-facts.js';

export interface DrillTarget {
  subject: AssessmentSubject;
  key: string;
  name: string;
  metric: AssessmentMetric;
}
