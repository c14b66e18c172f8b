/** Only a path inside this app may be a post-login target (never another origin, never /login itself). */
export function safeRedirect(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || v.startsWith('/login')) return null;
  return v;
}
