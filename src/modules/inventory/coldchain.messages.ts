import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Messages of expiry, cold chain, quality holds and incidents (spread into `inventoryMessages`). */
export const coldChainMessages: MessageCatalogue = {
  'inventory.alert_already_acknowledged': {
    'zh-CN': '该告警已由 {by} 确认。',
    en: 'This alert was already acknowledged by {by}.',
  },
  'inventory.move_keeps_status': {
    'zh-CN':
      '移库不能改变库存状态（{fromStatus} → {toStatus}）。冻结请建质量冻结单，解冻、转残损或报废须经质量复核。',
    en: 'A move keeps the stock status ({fromStatus} → {toStatus} refused). Put stock on hold with a quality hold; only its quality review releases it, marks it damaged or scraps it.',
  },
  'inventory.held_stock_stays': {
    'zh-CN': '质量冻结中的库存不能移库或调整，须经质量复核（或退供应商）处理。',
    en: 'Stock on quality hold cannot be moved or adjusted: its quality review (or the return to the vendor) decides what happens to it.',
  },
  'inventory.nothing_to_hold': {
    'zh-CN': '所选库位没有可冻结的可用库存。',
    en: 'There is no available stock to put on hold at the places given.',
  },
  'inventory.hold_bin_warehouse': {
    'zh-CN': '库位 {bin} 不属于该仓库。',
    en: 'Bin {bin} is not in this warehouse.',
  },
  'inventory.hold_closed': {
    'zh-CN': '质量冻结单 {docNo} 已关闭。',
    en: 'Quality hold {docNo} is already closed.',
  },
  'inventory.hold_line_unknown': {
    'zh-CN': '该冻结单没有这一行（或重复填写）。',
    en: 'No such line on this hold (or the line is given twice).',
  },
  'inventory.hold_review_qty': {
    'zh-CN': '处理数量须大于 0 且不超过冻结剩余数量 {remaining}（填写了 {given}）。',
    en: 'The quantities must be above 0 and at most the {remaining} still on hold ({given} given).',
  },
  'inventory.hold_release_expired': {
    'zh-CN': '该批次已于 {expiryDate} 到期，不能解冻为可用，请转为残损或报废。',
    en: 'The lot expired on {expiryDate}: it cannot be released to available; mark it damaged or scrap it.',
  },
  'inventory.reading_target': {
    'zh-CN': '温度读数须指定库区或车辆（二选一）。',
    en: 'A reading needs either a zone or a vehicle (exactly one).',
  },
  'inventory.reading_in_future': {
    'zh-CN': '读数时间晚于当前时间。',
    en: 'The reading is timed in the future.',
  },
  'inventory.temperature_range': {
    'zh-CN': '时间范围无效：开始须早于结束，且不超过 {max} 天。',
    en: 'Invalid time range: the start must be before the end, at most {max} days apart.',
  },
  'inventory.incident_in_future': {
    'zh-CN': '事件发生时间晚于当前时间。',
    en: 'The incident is timed in the future.',
  },
  'inventory.incident_bin_elsewhere': {
    'zh-CN': '该库位不属于事件所在仓库。',
    en: 'The bin is not in the incident’s warehouse.',
  },
  'inventory.incident_lot_unknown': {
    'zh-CN': '该商品没有这个批次。',
    en: 'The SKU has no such lot.',
  },
  'inventory.incident_transition': {
    'zh-CN': '事件 {docNo} 当前为“{from}”，不能改为“{to}”。',
    en: 'Incident {docNo} is {from}; it cannot become {to}.',
  },
};
