/** A case's number: its local day and its place in that day, e.g. 2026-11-26, 42 → "2026112600042". */
export function caseNumber(localDay: string, nth: number): string {
  return `${localDay.replaceAll('-', '')}${String(nth).padStart(5, '0')}`;
}
