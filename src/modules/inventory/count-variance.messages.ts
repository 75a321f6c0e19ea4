import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Messages of the count-variance posting and kit consumption (spread into a module's catalogue). */
export const countVarianceMessages: MessageCatalogue = {
  'inventory.count_variance_exceeds_stock': {
    'zh-CN': '盘亏 {requested} 超过库位现有库存 {available}，请复盘。',
    en: 'A shortage of {requested} exceeds the {available} now in the bin: recount it.',
  },
};
