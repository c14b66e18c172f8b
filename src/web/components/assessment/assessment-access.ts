/** Who sees 监督考评 and who may adjust a score: the same permissions the server checks (assessment:read, assessment:adjust). */
import type { SessionUser } from '../../api/session.js';

export function canReadAssessment(user: SessionUser | null | undefined): boolean {
  return (user?.permissions['assessment:read'] ?? []).length > 0;
}

export function canAdjustAssessment(user: SessionUser | null | undefined): boolean {
  return (user?.permissions['assessment:adjust'] ?? []).length > 0;
}
