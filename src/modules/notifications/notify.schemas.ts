import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { CHANNELS, DELIVERY_STATUSES, LANGS } from './notify.tables';
import { NOTIFY_TOPICS } from './notify.templates';

export const topicSchema = z.enum(NOTIFY_TOPICS);
export const templateSchema = z.object({
  event: topicSchema,
  channel: z.enum(CHANNELS),
  lang: z.enum(LANGS),
  subject: z.string(),
  body: z.string(),
  enabled: z.boolean(),
  custom: z.boolean().describe('false while the built-in template is used'),
  updatedAt: z.string().nullable(),
});
export const templateKeyParams = z.object({
  event: topicSchema,
  channel: z.enum(CHANNELS),
  lang: z.enum(LANGS),
});
export const templateBody = z.object({
  subject: z.string().max(200).default(''),
  body: z.string().trim().min(1).max(1000),
  enabled: z.boolean().default(true),
});
export const channelSchema = z.object({ enabled: z.boolean(), lang: z.enum(LANGS) });
export const channelsSchema = z.object({ sms: channelSchema, email: channelSchema });
export const channelParams = z.object({ channel: z.enum(CHANNELS) });

export const endpointSchema = z.object({
  id: z.uuid(),
  merchantId: z.uuid(),
  url: z.string(),
  events: z.array(z.string()).describe('Topics delivered; empty means every order milestone'),
  status: z.enum(['active', 'disabled']),
  consecutiveFailures: z.number().int(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const endpointWithSecret = endpointSchema.extend({
  secret: z.string().nullable().describe('Shown only when created or rotated'),
});
export const createEndpointBody = z.object({
  merchantId: z.uuid().nullish().describe('Staff only; a merchant user manages its own merchant'),
  url: z.url().max(500),
  events: z.array(topicSchema).max(NOTIFY_TOPICS.length).default([]),
});
export const updateEndpointBody = z.object({
  url: z.url().max(500).optional(),
  events: z.array(topicSchema).max(NOTIFY_TOPICS.length).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  rotateSecret: z.boolean().optional(),
});
export const idParams = z.object({ id: z.uuid() });
export const endpointListQuery = z.object({ merchantId: z.uuid().optional() });

export const deliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  topic: z.string(),
  channel: z.enum(['sms', 'email', 'webhook']),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  merchantId: z.string().nullable(),
  endpointId: z.string().nullable(),
  recipient: z.string().nullable().describe('Masked phone / e-mail, or the webhook URL'),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  content: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const deliveryQuery = z.object({
  ...pageQuery,
  orderId: z.uuid().optional(),
  orderNumber: z.string().max(64).optional(),
  merchantId: z.uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(['sms', 'email', 'webhook']).optional(),
});
export const deliveryPage = pageOf(deliverySchema);
