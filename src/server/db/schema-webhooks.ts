/** Webhook and notification tables (migration 0004-webhooks). Instants are ISO strings, flags 0/1, JSON as text. */
import type { Generated } from 'kysely';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export type RecipientType = 'user' | 'unit' | 'station' | 'role';

export interface WebhooksTable {
  id: string;
  town_id: string;
  name: string;
  url: string;
  /** SM4-sealed signing secret (field cipher, context `webhook:<id>`) */
  secret_enc: string;
  /** JSON array of event actions, or ["*"] */
  events: string;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  town_id: string;
  webhook_id: string;
  outbox_id: number;
  seq: number;
  action: string;
  /** the JSON body, fixed at relay time */
  payload: string;
  attempts: Generated<number>;
  status: DeliveryStatus;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  town_id: string;
  recipient_type: RecipientType;
  recipient_code: string;
  case_id: string;
  seq: number;
  outbox_id: number;
  kind: string;
  title_zh: string;
  title_en: string;
  read_at: string | null;
  created_at: string;
}

export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  notifications: NotificationsTable;
}
