import type { ConsigneeChannel, TemplateLang } from './notify.tables';

/** Order milestones that notify someone, by outbox topic. */
export const NOTIFY_TOPICS = [
  'orders.order_released',
  'orders.order_shipped',
  'orders.order_in_transit',
  'orders.order_delivered',
  'orders.order_cancelled',
  'orders.order_returned',
  'orders.intercept_requested',
  // Returns (退换货): the consumer hears when the request is decided, collected and refunded.
  'orders.return_approved',
  'orders.return_rejected',
  'orders.return_pickup_requested',
  'orders.refund_completed',
] as const;
export type NotifyTopic = (typeof NOTIFY_TOPICS)[number];

/** The names a template may use; anything else in `{{…}}` is refused when a template is saved. */
export const PLACEHOLDERS = [
  'orderNumber',
  'consigneeName',
  'promisedDate',
  'carrier',
  'waybillNo',
  'trackingUrl',
  'status',
  'returnNumber',
] as const;
export type Placeholders = Record<(typeof PLACEHOLDERS)[number], string>;

interface DefaultTemplate {
  subject: string;
  body: string;
}

const zh = (subject: string, body: string): DefaultTemplate => ({ subject, body });

/** Built-in templates; a saved template (table `notifications.template`) replaces one. */
export const DEFAULT_TEMPLATES: Record<NotifyTopic, Record<TemplateLang, DefaultTemplate>> = {
  'orders.order_released': {
    'zh-CN': zh(
      '订单 {{orderNumber}} 已交仓',
      '【Wayline】{{consigneeName}}您好，订单{{orderNumber}}已交仓库备货，预计{{promisedDate}}送达。查询：{{trackingUrl}}',
    ),
    en: zh(
      'Order {{orderNumber}} is being prepared',
      '[Wayline] Hello {{consigneeName}}, order {{orderNumber}} is being prepared; expected delivery {{promisedDate}}. Track: {{trackingUrl}}',
    ),
  },
  'orders.order_shipped': {
    'zh-CN': zh(
      '订单 {{orderNumber}} 已发货',
      '【Wayline】您的订单{{orderNumber}}已由{{carrier}}发出，运单号{{waybillNo}}，预计{{promisedDate}}送达。查询：{{trackingUrl}}',
    ),
    en: zh(
      'Order {{orderNumber}} has shipped',
      '[Wayline] Order {{orderNumber}} has shipped with {{carrier}}, waybill {{waybillNo}}; expected delivery {{promisedDate}}. Track: {{trackingUrl}}',
    ),
  },
  'orders.order_in_transit': {
    'zh-CN': zh(
      '订单 {{orderNumber}} 运输中',
      '【Wayline】您的订单{{orderNumber}}正在运输途中，预计{{promisedDate}}送达。查询：{{trackingUrl}}',
    ),
    en: zh(
      'Order {{orderNumber}} is on its way',
      '[Wayline] Order {{orderNumber}} is on its way; expected delivery {{promisedDate}}. Track: {{trackingUrl}}',
    ),
  },
  'orders.order_delivered': {
    'zh-CN': zh('订单 {{orderNumber}} 已签收', '【Wayline】您的订单{{orderNumber}}已签收，感谢您的信任。'),
    en: zh(
      'Order {{orderNumber}} delivered',
      '[Wayline] Order {{orderNumber}} has been delivered. Thank you.',
    ),
  },
  'orders.order_cancelled': {
    'zh-CN': zh(
      '订单 {{orderNumber}} 已取消',
      '【Wayline】您的订单{{orderNumber}}已取消。如有疑问请联系商家。',
    ),
    en: zh(
      'Order {{orderNumber}} cancelled',
      '[Wayline] Order {{orderNumber}} has been cancelled. Please contact the shop with any questions.',
    ),
  },
  'orders.order_returned': {
    'zh-CN': zh('订单 {{orderNumber}} 已退回', '【Wayline】您的订单{{orderNumber}}已退回发货仓。'),
    en: zh(
      'Order {{orderNumber}} returned',
      '[Wayline] Order {{orderNumber}} has been returned to the warehouse.',
    ),
  },
  'orders.intercept_requested': {
    'zh-CN': zh('订单 {{orderNumber}} 拦截中', '【Wayline】您的订单{{orderNumber}}已申请拦截，包裹将退回。'),
    en: zh(
      'Order {{orderNumber}} being intercepted',
      '[Wayline] Order {{orderNumber}} is being intercepted and will be returned.',
    ),
  },
  'orders.return_approved': {
    'zh-CN': zh(
      '退货申请 {{returnNumber}} 已同意',
      '【Wayline】{{consigneeName}}您好，订单{{orderNumber}}的退货申请{{returnNumber}}已同意，我们将安排取件或告知退回地址。',
    ),
    en: zh(
      'Return {{returnNumber}} approved',
      '[Wayline] Hello {{consigneeName}}, your return {{returnNumber}} for order {{orderNumber}} is approved; we will arrange the pickup or tell you where to send it.',
    ),
  },
  'orders.return_rejected': {
    'zh-CN': zh(
      '退货申请 {{returnNumber}} 未通过',
      '【Wayline】订单{{orderNumber}}的退货申请{{returnNumber}}未通过审核，如有疑问请联系商家客服。',
    ),
    en: zh(
      'Return {{returnNumber}} declined',
      '[Wayline] Your return {{returnNumber}} for order {{orderNumber}} was declined. Please contact the shop with any questions.',
    ),
  },
  'orders.return_pickup_requested': {
    'zh-CN': zh(
      '退货 {{returnNumber}} 已预约上门取件',
      '【Wayline】订单{{orderNumber}}的退货{{returnNumber}}已预约{{carrier}}上门取件，请备好商品及配件。',
    ),
    en: zh(
      'Pickup booked for return {{returnNumber}}',
      '[Wayline] A {{carrier}} pickup is booked for return {{returnNumber}} (order {{orderNumber}}); please have the goods and accessories ready.',
    ),
  },
  'orders.refund_completed': {
    'zh-CN': zh(
      '退货 {{returnNumber}} 已退款',
      '【Wayline】订单{{orderNumber}}的退货{{returnNumber}}已完成退款，请留意原支付渠道到账。',
    ),
    en: zh(
      'Refund for return {{returnNumber}} paid',
      '[Wayline] The refund for return {{returnNumber}} (order {{orderNumber}}) has been paid to your original payment method.',
    ),
  },
};

const TOKEN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Placeholder names used in a text that are not known (empty when the text is fine). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...text.matchAll(TOKEN)].map((m) => m[1]).filter((name) => !known.has(name));
}

/** Fill a template; a missing value renders as '-'. */
export function render(text: string, values: Partial<Placeholders>): string {
  return text.replace(TOKEN, (_, name: string) => {
    const v = values[name as keyof Placeholders];
    return v === undefined || v === null || v === '' ? '-' : String(v);
  });
}

export const isNotifyTopic = (topic: string): topic is NotifyTopic =>
  (NOTIFY_TOPICS as readonly string[]).includes(topic);

export type TemplateKey = { event: NotifyTopic; channel: ConsigneeChannel; lang: TemplateLang };
