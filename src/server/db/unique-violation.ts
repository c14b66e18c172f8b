/** Both dialects' "unique constraint violated" errors: PostgreSQL's SQLSTATE 23505, SQLite's extended codes. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A row numbered from a stale serial head, refused by the key that keeps the numbers unique: an
 * event's sequence number (case_events (town, seq), the key `case_events_pk`) or a case's number
 * (cases (town, case_no), `cases_case_no`). PostgreSQL names the constraint; SQLite lists its columns.
 */
export function isStaleHeadRefusal(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  if (typeof constraint === 'string') return constraint === 'case_events_pk' || constraint === 'cases_case_no';
  return typeof message === 'string' && /UNIQUE constraint failed: (case_events\.town_id, case_events\.seq|cases\.town_id, cases\.case_no)$/.test(message);
}
