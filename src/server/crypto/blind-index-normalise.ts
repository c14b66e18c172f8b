/**
 * What "the same caller" means for a blind index: two spellings that a dispatcher would call the
 * same phone number or the same name must normalise to the same string, or the search for all
 * orders from one caller misses some. Pure string rules.
 */

/**
 * Phone numbers to their domestic digits:
 *   '138 1234 5678', '+86 138-1234-5678', '0086 13812345678', '8613812345678' → '13812345678'
 *   '021-69123456', '+86 21 6912 3456', '0086 21 69123456'                 → '02169123456'
 *   '+1 415 555 0100', '001 415 555 0100'                                  → '0014155550100'
 * A bare leading 86 is a country code only in front of an 11-digit mobile number: '86123456' is an
 * eight-digit local number and stays as it is. Full-width digits (１３８…) count as digits.
 */
export function normalisePhone(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  const digits = text.replace(/[^0-9]/g, '');
  let international: string | null = null;
  if (text.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  if (international !== null) {
    if (!international.startsWith('86')) return `00${international}`;
    const national = international.slice(2);
    // mobiles start with 1; a landline's area code needs the domestic trunk prefix 0 back
    return national.startsWith('1') || national.startsWith('0') ? national : `0${national}`;
  }
  if (digits.length === 13 && digits.startsWith('861')) return digits.slice(2);
  return digits;
}

// middle dots written between the parts of a minority or foreign name (阿沛·阿旺晋美), all one dot
const NAME_DOTS = /[.\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\u318D]/g;
const SPACE_BY_HAN_OR_DOT = /\s+(?=[\p{Script=Han}\u00B7])|(?<=[\p{Script=Han}\u00B7])\s+/gu;

/**
 * Names: NFKC (full-width letters become ASCII), trimmed, inner white space collapsed and
 * dropped next to Chinese characters and dots ('张 三' = '张三'), every middle-dot variant as
 * '·', Latin letters lower-cased.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(NAME_DOTS, '\u00B7')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(SPACE_BY_HAN_OR_DOT, '')
    .toLowerCase();
}
