/** Case-insensitive "contains" over several fields, for the filter boxes. */
export function normalise(query: string): string {
  return query.trim().toLowerCase();
}

export function matchesAny(q: string, fields: readonly (string | null | undefined)[]): boolean {
  if (q === '') return true;
  return fields.some((f) => typeof f === 'string' && f.toLowerCase().includes(q));
}
