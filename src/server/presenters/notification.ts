/** Notification rows as API DTOs. */
import type { NoticeKind, NotificationDto } from '../../contracts/notifications.js';
import type { NotificationRow } from '../db/repositories/notification-repository.js';

export function presentNotification(row: NotificationRow): NotificationDto {
  return {
    id: Number(row.id),
    kind: row.kind as NoticeKind,
    title: { zh: row.title_zh, en: row.title_en },
    caseId: row.case_id,
    caseNo: row.case_no,
    seq: Number(row.seq),
    recipient: { type: row.recipient_type, code: row.recipient_code },
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}
