/** Small formatting shared by the case list and the intake result: Beijing time, masked personal data. */

const beijing = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** '2026-11-25 18:46' in Beijing time, whatever the browser's time zone. */
export function beijingTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = Object.fromEntries(beijing.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 139****0835: the middle of a phone number hidden (the server masks too; this covers roles it does not). */
export function maskPhone(phone: string): string {
  if (phone.includes('*')) return phone;
  if (phone.length < 7) return `${phone.slice(0, 1)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张** : only the family name shown. */
export function maskName(name: string): string {
  if (name.includes('*')) return name;
  return `${name.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(name.length - 1, 3)))}`;
}
