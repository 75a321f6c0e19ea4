import type { ColumnType, Kysely, Selectable, Transaction } from 'kysely';
import type { Db, Trx } from '../../platform/db';

export const CHANNELS = ['sms', 'email'] as const;
export type ConsigneeChannel = (typeof CHANNELS)[number];
export type DeliveryChannel = ConsigneeChannel | 'webhook';
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const LANGS = ['zh-CN', 'en'] as const;
export type TemplateLang = (typeof LANGS)[number];

export interface TemplateRow {
  event: string;
  channel: ConsigneeChannel;
  lang: TemplateLang;
  subject: string;
  body: string;
  enabled: boolean;
  updated_at: Date;
  updated_by: string | null;
}

export interface ChannelSettingRow {
  channel: ConsigneeChannel;
  enabled: boolean;
  lang: TemplateLang;
  updated_at: Date;
}

export interface WebhookEndpointRow {
  id: string;
  merchant_id: string;
  url: string;
  secret: string;
  events: ColumnType<string[], string, string>;
  status: 'active' | 'disabled';
  consecutive_failures: number;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  topic: string;
  channel: DeliveryChannel;
  target: string;
  order_id: string | null;
  order_number: string | null;
  merchant_id: string | null;
  /** A staff recipient (org user) instead of the order's consignee. */
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  endpoint_id: string | null;
  recipient_masked: string | null;
  status: DeliveryStatus;
  payload: ColumnType<DeliveryPayload, string, string>;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  response_status: number | null;
  created_at: Date;
  sent_at: Date | null;
}

/** What is sent: a rendered message for SMS/e-mail, the JSON document for a webhook. */
export type DeliveryPayload =
  | { kind: 'message'; lang: TemplateLang; subject: string; text: string }
  | { kind: 'webhook'; body: string };

/** One message in a staff member's inbox (console bell), keyed by (event, user). */
export interface StaffMessageRow {
  id: string;
  event_id: string;
  topic: string;
  user_id: string;
  severity: 'critical' | 'warning' | 'info';
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationsTables {
  'notifications.staff_message': StaffMessageRow;
  'notifications.template': TemplateRow;
  'notifications.channel_setting': ChannelSettingRow;
  'notifications.webhook_endpoint': WebhookEndpointRow;
  'notifications.delivery': DeliveryRow;
}

export function notifyDb(db: Db): Kysely<NotificationsTables>;
export function notifyDb(db: Trx): Transaction<NotificationsTables>;
export function notifyDb(db: Db | Trx): Kysely<NotificationsTables> | Transaction<NotificationsTables> {
  return db as Kysely<NotificationsTables>;
}

export const parseJson = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;

export type DeliveryRecord = Selectable<DeliveryRow>;
export type EndpointRecord = Selectable<WebhookEndpointRow>;
