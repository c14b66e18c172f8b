/**
 * SQL text of the hot paths' statements (every case write's inserts and counter upserts, every
 * intake's lookup), built once per shape and dialect, then run with new values as raw compiled
 * queries: the query builder would build and compile the same text for every write. A builder
 * writes `?` for each parameter; on PostgreSQL they become $1, $2, … in order, so a text must hold
 * no `?` of its own.
 */
const texts = new Map<string, string>();

/** `shape` names everything the text depends on besides the dialect (table, row count, arms…). */
export function sqlText(shape: string, postgres: boolean, build: () => string): string {
  const key = `${postgres ? 'pg' : 'lite'}|${shape}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    text = postgres ? build().replace(/\?/g, () => `$${++n}`) : build();
    texts.set(key, text);
  }
  return text;
}
