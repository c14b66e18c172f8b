/** HTTP contracts of in-app notifications: tasks and alerts for people, made from case events. */
import { z } from 'zod';

/** recurring_cc: 抄报 of a recurring problem's repeated complaints to the responsible leader (R13) */
export const noticeKinds = ['dispatched', 'returned', 'verification_due', 'rework', 'urged', 'escalated', 'instructed', 'extension_requested', 'recurring_cc'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** a notice goes to one user, a unit (department or station team), a station, or everyone in a role */
export const recipientTypes = ['user', 'unit', 'station', 'role'] as const;

export const notificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  /** opaque: the nextCursor of the previous page */
  cursor: z.string().regex(/^[ur]\d{1,15}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationIdParams = z.strictObject({ id: z.string().regex(/^\d{1,15}$/, 'a notification id') });

export const notificationDto = z.object({
  id: z.number().int(),
  kind: z.enum(noticeKinds),
  title: z.object({ zh: z.string(), en: z.string() }),
  caseId: z.string(),
  caseNo: z.string(),
  seq: z.number().int(),
  recipient: z.object({ type: z.enum(recipientTypes), code: z.string() }),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const notificationPageDto = z.object({
  items: z.array(notificationDto),
  nextCursor: z.string().nullable(),
  /** how many of the caller's notifications are unread (for the badge) */
  unread: z.number().int(),
});

export const readAllDto = z.object({ marked: z.number().int() });
