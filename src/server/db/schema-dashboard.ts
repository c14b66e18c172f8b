/** Derived counters: the dashboard's (migration 0006-dashboard) and the assessment's (0007-assessment), and the facts behind the assessment's numbers (0008-assessment-facts). */
export interface DashboardCountersTable {
  town_id: string;
  dim: string;
  bucket: string;
  key: string;
  metric: string;
  n: number;
}

export interface DashboardBuildsTable {
  town_id: string;
  version: number;
  cases: number;
  built_at: string;
}

export interface AssessmentCountersTable {
  town_id: string;
  subject: string;
  key: string;
  day: string;
  metric: string;
  n: number;
}

export interface AssessmentBuildsTable {
  town_id: string;
  version: number;
  events: number;
  built_at: string;
}

export interface AssessmentFactsTable {
  town_id: string;
  seq: number;
  subject: string;
  key: string;
  metric: string;
  day: string;
  case_id: string;
}

export interface AssessmentAdjustmentsTable {
  id: string;
  town_id: string;
  year: number;
  unit_code: string;
  points: number;
  reason: string;
  by_id: string;
  by_name: string;
  at: string;
}

export interface DashboardTables {
  dashboard_counters: DashboardCountersTable;
  dashboard_builds: DashboardBuildsTable;
  assessment_counters: AssessmentCountersTable;
  assessment_builds: AssessmentBuildsTable;
  assessment_facts: AssessmentFactsTable;
  assessment_adjustments: AssessmentAdjustmentsTable;
}
