import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Exception reasons (orders.reason.*) and allocation decisions (orders.decision.*), zh-CN and en. */
export const ordersReasonMessages: MessageCatalogue = {
  'orders.reason.address_unparsed': {
    'zh-CN': '无法从收货地址中识别省、市、区县。',
    en: 'No province, city or district could be recognised in the address.',
  },
  'orders.reason.address_incomplete': {
    'zh-CN': '收货地址缺少区县，无法确定配送范围。',
    en: 'The address has no district, so the delivery area is unknown.',
  },
  'orders.reason.address_mismatch': {
    'zh-CN': '{district}属于{actual}，不属于{given}。',
    en: '{district} belongs to {actual}, not to {given}.',
  },
  'orders.reason.address_ambiguous': {
    'zh-CN': '“{name}”在多个城市都有，请确认是哪一个。',
    en: '“{name}” exists in several cities; confirm which one.',
  },
  'orders.reason.address_detail_missing': {
    'zh-CN': '收货地址缺少街道、门牌等详细地址。',
    en: 'The address has no street and number.',
  },
  'orders.reason.address_outside_mainland': {
    'zh-CN': '收货地址在港澳台地区，不在本配送网络范围内。',
    en: 'The address is in Hong Kong, Macao or Taiwan, outside this delivery network.',
  },
  'orders.reason.phone_invalid': {
    'zh-CN': '联系电话“{phone}”既不是手机号（1 开头 11 位）也不是固话（区号-号码）。',
    en: 'Phone “{phone}” is neither a mobile (11 digits starting with 1) nor a landline (area code-number).',
  },
  'orders.reason.sku_unknown': {
    'zh-CN': '商品 {sku} 不存在或不属于该商家。',
    en: 'SKU {sku} does not exist or belongs to another merchant.',
  },
  'orders.reason.sku_inactive': { 'zh-CN': '商品 {sku} 已停用。', en: 'SKU {sku} is inactive.' },
  'orders.reason.qty_not_positive': {
    'zh-CN': '商品 {sku} 的数量 {qty} 不是正数。',
    en: 'The quantity {qty} of {sku} is not positive.',
  },
  'orders.reason.cold_chain_required': {
    'zh-CN': '冷藏/冷冻商品（{skus}）必须选择冷链配送服务。',
    en: 'Chilled or frozen goods ({skus}) need the cold-chain service.',
  },
  'orders.reason.cod_amount_mismatch': {
    'zh-CN': '货到付款代收金额 {cod} 元与订单金额 {total} 元不一致。',
    en: 'The cash-on-delivery amount ¥{cod} differs from the order total ¥{total}.',
  },
  'orders.reason.payment_unpaid': { 'zh-CN': '订单未付款，暂缓发货。', en: 'The order is unpaid and held.' },
  'orders.reason.duplicate_suspected': {
    'zh-CN': '疑似重复订单：收货电话、地址和商品与 {number} 相同。',
    en: 'Suspected duplicate: same phone, address and items as {number}.',
  },
  'orders.reason.customer_blocked': {
    'zh-CN': '收货人在黑名单中：{reason}',
    en: 'The consignee is on the blocklist: {reason}',
  },
  'orders.reason.out_of_stock': {
    'zh-CN': '库存不足（需要/可用）：{items}。',
    en: 'Not enough stock (wanted/free): {items}.',
  },
  'orders.reason.no_capable_warehouse': {
    'zh-CN': '没有具备所需温控（冷藏/冷冻）能力的仓库。',
    en: 'No warehouse has the temperature-controlled (chilled/frozen) capability needed.',
  },
  'orders.decision.single_best': {
    'zh-CN':
      '{warehouse} 有全部商品且运费最低：{cost} 元（{zone} 区），距离约 {km} 公里，{days} 个工作日送达；另有 {alternatives} 个仓库也能整单发货。',
    en: '{warehouse} has everything and is the cheapest: ¥{cost} (zone {zone}), about {km} km, {days} working days; {alternatives} other warehouse(s) could also ship it whole.',
  },
  'orders.decision.single_only': {
    'zh-CN':
      '只有 {warehouse} 能整单发货：运费 {cost} 元（{zone} 区），距离约 {km} 公里，{days} 个工作日送达。',
    en: 'Only {warehouse} can ship the whole order: ¥{cost} (zone {zone}), about {km} km, {days} working days.',
  },
  'orders.decision.split_required': {
    'zh-CN': '没有一个仓库能整单发货，拆为 {count} 个包裹：{parts}，运费合计 {total} 元。',
    en: 'No single warehouse can ship it all; split into {count} parcels: {parts}, ¥{total} shipping in all.',
  },
  'orders.decision.split_cheaper': {
    'zh-CN':
      '拆为 {count} 个包裹（{parts}）运费合计 {total} 元，比单仓整单发货的 {single} 元节省 {saving} 元。',
    en: 'Splitting into {count} parcels ({parts}) costs ¥{total}, ¥{saving} less than ¥{single} from one warehouse.',
  },
  'orders.decision.split_part': {
    'zh-CN': '由订单 {from} 拆分而来（{parts}）。',
    en: 'Split from order {from} ({parts}).',
  },
  'orders.decision.out_of_stock': {
    'zh-CN': '库存不足（需要/可用）：{items}。',
    en: 'Not enough stock (wanted/free): {items}.',
  },
  'orders.decision.no_capable_warehouse': {
    'zh-CN': '没有具备所需温控（冷藏/冷冻）能力的仓库。',
    en: 'No warehouse has the temperature-controlled capability needed.',
  },
  'orders.rejected.no_cold_zone': {
    'zh-CN': '没有所需的冷藏/冷冻库区',
    en: 'No chilled/frozen zone for these goods',
  },
  'orders.rejected.no_cold_chain': { 'zh-CN': '不具备冷链发货能力', en: 'Cannot dispatch cold chain' },
  'orders.rejected.insufficient_stock': {
    'zh-CN': '库存不足以整单发货',
    en: 'Not enough stock to ship it whole',
  },
};
