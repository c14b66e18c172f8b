/** Derived counters: the dashboard's (migration 0006-dashboard) and the assessment's (0007-assessment). */
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

export interface DashboardTables {
  dashboard_counters: DashboardCountersTable;
  dashboard_builds: DashboardBuildsTable;
  assessment_counters: AssessmentCountersTable;
  assessment_builds: AssessmentBuildsTable;
}
