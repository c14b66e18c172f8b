/** Who may open the one screen: those who read the whole town's cases (the server checks the same on GET /dashboard). */
import type { SessionUser } from '../../api/session.js';

export function canSeeScreen(user: SessionUser | null | undefined): boolean {
  return user?.permissions['cases:read']?.includes('town') ?? false;
}
