/**
 * Notifications: customers are told about each order milestone (SMS through a provider — logging by
 * default —, e-mail when a provider is configured) and merchants receive signed webhooks. Consumes
 * the orders module's outbox events; every message is a row of the delivery log keyed by
 * (event, channel, target), sent by jobs and retried with backoff. Other modules, web/ and tests
 * import only from here.
 */
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import type { JobHandler } from '../../platform/jobs';
import { inboxRoutes } from './inbox.routes';
import { notificationsMigrations } from './migrations';
import { DELIVER_JOB, deliverJob, notificationsHandler } from './notify.handlers';
import { notificationsMessages } from './notify.messages';
import { setEmailProvider } from './notify.providers';
import { notificationsRoutes } from './notify.routes';
import { createSmtpProvider, smtpOptionsFromUrl } from './smtp.client';
import { setWebhookPolicy } from './webhook.guard';

export { deliveryView, listDeliveries, retryDelivery } from './delivery.query';
export {
  backoff,
  DEFAULT_POLICY,
  type DeliverOutcome,
  deliverDue,
  type RetryPolicy,
  signWebhook,
} from './notify.delivery';
export { DELIVER_JOB, notificationsHandler, planNotifications, trackingUrl } from './notify.handlers';
export { notificationsMessages } from './notify.messages';
export {
  createLoggingSmsProvider,
  currentEmailProvider,
  currentSmsProvider,
  type EmailMessage,
  type EmailProvider,
  type LoggedSms,
  loggingSms,
  type SmsMessage,
  type SmsProvider,
  setEmailProvider,
  setSmsProvider,
} from './notify.providers';
export { DEFAULT_TEMPLATES, NOTIFY_TOPICS, type NotifyTopic, PLACEHOLDERS, render } from './notify.templates';
export {
  createSmtpProvider,
  formatMessage,
  type SmtpOptions,
  sendMail,
  smtpOptionsFromUrl,
} from './smtp.client';
export {
  type InboxItem,
  inboxSummary,
  listInbox,
  markAllRead,
  markRead,
  notifyStaff,
  STAFF_SEVERITIES,
  type StaffNotice,
  type StaffSeverity,
} from './staff.service';

export const notificationsPermissions: PermissionDef[] = [
  {
    code: 'notifications.template.manage',
    nameZh: '管理通知模板与渠道',
    nameEn: 'Manage notification templates and channels',
    group: 'service',
  },
  {
    code: 'notifications.delivery.read',
    nameZh: '查看通知发送记录',
    nameEn: 'View the notification delivery log',
    group: 'service',
  },
  {
    code: 'notifications.delivery.retry',
    nameZh: '重发通知',
    nameEn: 'Retry a notification',
    group: 'service',
  },
  {
    code: 'notifications.webhook.manage',
    nameZh: '管理商家 Webhook',
    nameEn: 'Manage merchant webhooks',
    group: 'service',
  },
];

export interface NotificationsModule extends WaylineModule {
  jobHandlers: Record<string, JobHandler>;
}

/**
 * The notifications module (schema `notifications`). E-mail is sent over SMTP when
 * `WAYLINE_SMTP_URL` is set (`smtp://user:pass@host:587?from=noreply@example.cn`, STARTTLS required
 * unless `&requireTls=false`; `smtps://…:465` for implicit TLS).
 */
export function createNotificationsModule(
  options: { smtpUrl?: string | null; allowPrivateWebhooks?: boolean } = {},
): NotificationsModule {
  const smtpUrl = options.smtpUrl === undefined ? process.env.WAYLINE_SMTP_URL : options.smtpUrl;
  if (smtpUrl) setEmailProvider(createSmtpProvider(smtpOptionsFromUrl(smtpUrl)));
  setWebhookPolicy({ allowPrivate: options.allowPrivateWebhooks ?? false });
  return {
    name: 'notifications',
    migrations: notificationsMigrations,
    permissions: notificationsPermissions,
    messages: notificationsMessages,
    routes: async (app) => {
      await notificationsRoutes(app);
      await inboxRoutes(app);
    },
    eventHandlers: [notificationsHandler],
    jobHandlers: { [DELIVER_JOB]: deliverJob },
  };
}
