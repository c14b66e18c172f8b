/** Dashboard tables (migration 0006-dashboard). */
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

export interface DashboardTables {
  dashboard_counters: DashboardCountersTable;
  dashboard_builds: DashboardBuildsTable;
}
