/**
 * When this user last opened the home page, per user in localStorage. Reading it once moves the
 * mark to now, so the next visit shows what changed after this one.
 */
const key = (userId: string): string => `cityops.home.lastVisit.${userId}`;

/** The previous visit (ISO), or null on the first visit or when storage is unavailable. */
export function takeLastVisit(userId: string, now: Date): string | null {
  try {
    const prev = localStorage.getItem(key(userId));
    localStorage.setItem(key(userId), now.toISOString());
    return prev && !Number.isNaN(Date.parse(prev)) ? prev : null;
  } catch {
    // private mode or storage disabled: behave as a first visit
    return null;
  }
}
