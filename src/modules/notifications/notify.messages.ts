import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Every error code the notifications module raises, in zh-CN and en. */
export const notificationsMessages: MessageCatalogue = {
  'notifications.unknown_placeholder': {
    'zh-CN':
      '模板中有未知的占位符：{names}。可用：orderNumber、consigneeName、promisedDate、carrier、waybillNo、trackingUrl、status。',
    en: 'The template uses unknown placeholders: {names}. Available: orderNumber, consigneeName, promisedDate, carrier, waybillNo, trackingUrl, status.',
  },
  'notifications.bad_url': {
    'zh-CN': 'Webhook 地址 {url} 无效，应为 http(s) 地址。',
    en: 'Webhook URL {url} is invalid; it must be an http(s) address.',
  },
  'notifications.url_private': {
    'zh-CN':
      'Webhook 地址指向内网或本机地址（{host}），不允许使用；如确需推送到内网，请由 IT 设置 WAYLINE_WEBHOOK_ALLOW_PRIVATE=1。',
    en: 'The webhook URL points to a private or local address ({host}), which is not allowed; IT can allow it with WAYLINE_WEBHOOK_ALLOW_PRIVATE=1.',
  },
  'notifications.not_retryable': {
    'zh-CN': '该通知状态为 {status}，只有失败或跳过的通知可以重发。',
    en: 'This notification is {status}; only failed or skipped ones can be retried.',
  },
};
