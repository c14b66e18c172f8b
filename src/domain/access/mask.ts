/**
 * Masking of personal data for roles that may not see it (PIPL; DESIGN D8). Pure string rules.
 *   mobile 13812345678     → 138****5678
 *   landline 021-69123456  → 021-****3456 (area code and the last 2–4 digits kept)
 *   public service numbers (110, 12345, 400-…) are not personal and stay as they are
 *   name 张三丰            → 张** (first character kept)
 */
const MOBILE = /^(\+?86[- ]?)?(1[3-9]\d)(\d{4})(\d{4})$/;
const LANDLINE_DASHED = /^(0\d{2,3})([- ])(\d{5,8})((?:-\d{1,6})?)$/;
const LANDLINE_PLAIN = /^(0\d{9,11})$/;
const SERVICE = /^(1\d{2}|1\d{4}|400-?\d{3}-?\d{4}|800-?\d{3}-?\d{4})$/;

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

/** How much of a local landline number stays visible: 4 of 8, 3 of 6–7, 2 of anything shorter. */
function keptDigits(localLength: number): number {
  if (localLength >= 8) return 4;
  if (localLength >= 6) return 3;
  return 2;
}

function maskLocal(local: string): string {
  const keep = keptDigits(local.length);
  return stars(local.length - keep) + local.slice(local.length - keep);
}

export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (value === '') return '';
  const mobile = MOBILE.exec(value);
  if (mobile) return `${mobile[1] ?? ''}${mobile[2]}****${mobile[4]}`;
  if (SERVICE.test(value)) return value;
  const dashed = LANDLINE_DASHED.exec(value);
  if (dashed) return `${dashed[1]}${dashed[2]}${maskLocal(dashed[3] ?? '')}${dashed[4] ?? ''}`;
  if (LANDLINE_PLAIN.test(value)) {
    // 010 and 02x are the three-digit area codes; every other one has four digits
    const areaLength = /^0[12]/.test(value) ? 3 : 4;
    return value.slice(0, areaLength) + maskLocal(value.slice(areaLength));
  }
  // unknown shape: keep only the last two characters
  const chars = Array.from(value);
  return stars(chars.length - 2) + chars.slice(-2).join('');
}

/** Keeps the first character (the surname, or its first character); each other non-space character becomes '*'. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + chars.slice(1).map((c) => (/\s/.test(c) ? c : '*')).join('');
}
