import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Every error code of returns and exchanges, in zh-CN and en (merged into the orders catalogue). */
export const returnsMessages: MessageCatalogue = {
  'orders.return_illegal_transition': {
    'zh-CN': '退货单 {number} 当前状态为“{from}”，不能变为“{to}”（允许：{allowed}）。',
    en: 'Return {number} is “{from}” and cannot become “{to}” (allowed: {allowed}).',
  },
  'orders.return_concurrent_change': {
    'zh-CN': '退货单 {number} 刚被他人处理，请刷新后重试。',
    en: 'Return {number} was just changed by someone else. Reload and retry.',
  },
  'orders.return_not_returnable': {
    'zh-CN': '订单 {number} 当前为“{status}”，只有已发货、运输中或已签收的订单可以退货。',
    en: 'Order {number} is “{status}”; only shipped, in-transit or delivered orders can be returned.',
  },
  'orders.return_rules_failed': {
    'zh-CN': '订单 {number} 的退货申请不符合退货规则，请查看各项说明。',
    en: 'The return request for order {number} breaks the return rules; see each field.',
  },
  'orders.return_window_passed': {
    'zh-CN': '已超过退货期限：该原因须在签收（或发货）后 {days} 天内申请，截止 {deadline}。',
    en: 'Too late: for this reason a return must be requested within {days} days of delivery (or shipping), by {deadline}.',
  },
  'orders.return_condition_not_accepted': {
    'zh-CN': '七天无理由退货要求商品完好；商品已损坏请选择“商品破损”或“质量问题”。',
    en: 'Returns for no reason need the goods intact; for damaged goods choose “damaged” or “quality”.',
  },
  'orders.return_perishable_no_reason': {
    'zh-CN': '{sku} 是生鲜商品，不适用七天无理由退货，仅可因质量或破损退货。',
    en: '{sku} is perishable: it can be returned for quality or damage only, not for no reason.',
  },
  'orders.return_line_unknown': {
    'zh-CN': '第 {lineNo} 行不存在或不能退货。',
    en: 'Line {lineNo} does not exist or cannot be returned.',
  },
  'orders.return_line_duplicate': {
    'zh-CN': '第 {lineNo} 行重复出现。',
    en: 'Line {lineNo} appears twice.',
  },
  'orders.return_qty_exceeds': {
    'zh-CN':
      '第 {lineNo} 行（{sku}）最多还能退 {returnable} 件（已发货 {shipped} 件），申请了 {requested} 件。',
    en: 'Line {lineNo} ({sku}): at most {returnable} more unit(s) can be returned ({shipped} shipped); {requested} requested.',
  },
  'orders.return_pickup_past': {
    'zh-CN': '取件日期不能早于今天（{today}）。',
    en: 'The pickup date cannot be before today ({today}).',
  },
  'orders.return_receipt_invalid': {
    'zh-CN': '退货单 {number} 的收货数量有误，请查看各项说明。',
    en: 'The received quantities of return {number} are not right; see each field.',
  },
  'orders.return_receive_exceeds': {
    'zh-CN': '第 {lineNo} 行申请退 {requested} 件，不能收货 {qty} 件。',
    en: 'Line {lineNo} was requested with {requested} unit(s); {qty} cannot be received.',
  },
  'orders.return_nothing_received': {
    'zh-CN': '至少要收到一件商品。',
    en: 'At least one unit must have arrived.',
  },
  'orders.return_inspection_invalid': {
    'zh-CN': '退货单 {number} 的质检结果有误，请查看各项说明。',
    en: 'The inspection of return {number} is not complete or not right; see each field.',
  },
  'orders.return_inspect_mismatch': {
    'zh-CN': '第 {lineNo} 行（{sku}）收货 {received} 件，质检处理了 {inspected} 件，须逐件处理。',
    en: 'Line {lineNo} ({sku}): {received} received but {inspected} inspected; every unit needs a decision.',
  },
  'orders.return_lot_required': {
    'zh-CN': '{sku} 发货时有多个批次，请指明退回的批次。',
    en: '{sku} shipped from more than one lot; say which lot came back.',
  },
  'orders.return_lot_not_shipped': {
    'zh-CN': '{sku} 没有从这个批次发货，退货必须保留原发货批次。',
    en: '{sku} was not shipped from that lot; returned goods keep the lot they left with.',
  },
  'orders.return_bin_required': {
    'zh-CN': '{sku} 请指定放入的库位。',
    en: 'Choose the bin for {sku}.',
  },
  'orders.return_no_warehouse': {
    'zh-CN': '退货单 {number} 没有收货仓库。',
    en: 'Return {number} has no receiving warehouse.',
  },
  'orders.return_fee_too_high': {
    'zh-CN': '退货手续费 {fee} 分超过了可退金额 {gross} 分。',
    en: 'The restocking fee ({fee} fen) is more than the refundable amount ({gross} fen).',
  },
  'orders.refund_already_completed': {
    'zh-CN': '退货单 {number} 的退款已完成。',
    en: 'The refund of return {number} was already paid out.',
  },
  'orders.return_replacement_invalid': {
    'zh-CN': '退货单 {number} 的换货内容有误，请查看各项说明。',
    en: 'The replacement for return {number} is not right; see each field.',
  },
  'orders.return_replacement_exceeds': {
    'zh-CN': '第 {lineNo} 行只收回了 {received} 件，不能补发 {qty} 件。',
    en: 'Line {lineNo}: only {received} unit(s) came back; {qty} cannot be replaced.',
  },
};
