import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Messages of customer returns coming back into stock (return-receipt.service.ts). */
export const returnReceiptMessages: MessageCatalogue = {
  'inventory.return_bin_elsewhere': {
    'zh-CN': '库位 {bin} 不在退货收货的仓库里。',
    en: 'Bin {bin} is not in the warehouse receiving the return.',
  },
  'inventory.return_bin_dispatch': {
    'zh-CN': '退货不能放回发货暂存区 {bin}，请选择存储库位。',
    en: 'Returned goods cannot go to the dispatch point {bin}; choose a storage bin.',
  },
  'inventory.return_lot_expired': {
    'zh-CN': '批次 {lot} 已于 {expiryDate} 过期，不能重新上架销售；请改为质量冻结或报废。',
    en: 'Lot {lot} expired on {expiryDate} and cannot go back on sale; hold or scrap it instead.',
  },
};
