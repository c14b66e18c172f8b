/**
 * Assessment periods as inclusive ranges of local dates: a month '2026-11', a quarter '2026-Q4', a
 * year '2026', or a custom range. Returns null for anything else (the API answers 400).
 */
export interface DayRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

export function periodRange(period: string): DayRange | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: lastDayOf(year, first + 2) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { from: `${m[1]}-${m[2]}-01`, to: lastDayOf(Number(m[1]), Number(m[2])) };
  return null;
}

/** The month holding a local date, e.g. '2026-11-25' → '2026-11'. */
export function monthOf(localDate: string): string {
  return localDate.slice(0, 7);
}
