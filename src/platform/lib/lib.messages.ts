import type { MessageCatalogue } from '../i18n/i18n';

/** Messages for the error codes raised by platform/lib (money, quantities, document numbers). */
export const libMessages: MessageCatalogue = {
  'money.unknown_currency': {
    'zh-CN': '不支持的币种：{currency}。',
    en: 'Unsupported currency: {currency}.',
  },
  'money.invalid_amount': {
    'zh-CN': '金额“{value}”无效（{currency} 最多 {digits} 位小数）。',
    en: 'Invalid amount "{value}" ({currency} allows at most {digits} decimal places).',
  },
  'money.overflow': { 'zh-CN': '金额超出可处理的范围。', en: 'The amount is too large to process.' },
  'money.currency_mismatch': {
    'zh-CN': '币种不一致：{left} 与 {right}。',
    en: 'Currencies differ: {left} and {right}.',
  },
  'money.invalid_quantity': { 'zh-CN': '数量必须是整数：{qty}。', en: 'Quantity must be an integer: {qty}.' },
  'money.invalid_percent': { 'zh-CN': '百分比无效：{percent}。', en: 'Invalid percentage: {percent}.' },
  'money.allocate_no_weights': { 'zh-CN': '分摊至少需要一项。', en: 'Allocation needs at least one part.' },
  'money.allocate_invalid_weight': {
    'zh-CN': '分摊权重必须是非负整数：{weight}。',
    en: 'Allocation weights must be non-negative integers: {weight}.',
  },
  'quantity.invalid': {
    'zh-CN': '数量无效：{field} = {value}。',
    en: 'Invalid quantity: {field} = {value}.',
  },
  'quantity.invalid_text': {
    'zh-CN': '“{value}”不是有效的数量（单位 {unit}）。',
    en: '"{value}" is not a valid quantity in {unit}.',
  },
  'quantity.overflow': { 'zh-CN': '数量超出可处理的范围（{field}）。', en: 'Quantity too large ({field}).' },
  'doc_number.invalid_prefix': {
    'zh-CN': '单据前缀无效：{prefix}（1–8 个大写字母或数字，以字母开头）。',
    en: 'Invalid document prefix {prefix} (1–8 capital letters or digits, starting with a letter).',
  },
  'calendar.invalid_date': {
    'zh-CN': '日期无效：{value}（应为 YYYY-MM-DD）。',
    en: 'Invalid date {value} (expected YYYY-MM-DD).',
  },
};
