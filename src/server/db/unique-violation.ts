/** Both dialects' "unique constraint violated" errors: PostgreSQL's SQLSTATE 23505, SQLite's extended codes. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A row numbered from a stale serial head, refused by a key that keeps the numbers unique: an event's
 * sequence number (case_events (town, seq), the key `case_events_pk`, and the assessment's facts of
 * that event, `assessment_facts_pk` (town, seq, …) — on PostgreSQL a flush's one statement may meet
 * either first) or a case's number (cases (town, case_no), `cases_case_no`). PostgreSQL names the
 * constraint; SQLite lists its columns.
 */
const staleHeadKeys = ['case_events_pk', 'assessment_facts_pk', 'cases_case_no'];
const staleHeadColumns = /UNIQUE constraint failed: (case_events\.town_id, case_events\.seq|assessment_facts\.town_id, assessment_facts\.seq, .*|cases\.town_id, cases\.case_no)$/;

export function isStaleHeadRefusal(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  if (typeof constraint === 'string') return staleHeadKeys.includes(constraint);
  return typeof message === 'string' && staleHeadColumns.test(message);
}
