/**
 * Password rules for accounts created by people (等保 2.0 level 3: length and complexity).
 * At least 8 characters, at least 3 of the 4 classes (lower, upper, digit, symbol), not containing
 * the username. Demo accounts (never in production) are exempt: their password is published.
 */
export const passwordMinLength = 8;
export const passwordMaxLength = 128;

export function passwordProblems(password: string, username: string): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  const length = Array.from(password).length;
  if (length < passwordMinLength) out.push({ zh: `密码至少 ${passwordMinLength} 位`, en: `at least ${passwordMinLength} characters` });
  if (length > passwordMaxLength) out.push({ zh: `密码最多 ${passwordMaxLength} 位`, en: `at most ${passwordMaxLength} characters` });
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    out.push({ zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类', en: 'use at least three of: lower case, upper case, digits, symbols' });
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    out.push({ zh: '密码不能包含用户名', en: 'must not contain the username' });
  }
  return out;
}
