import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Every error, progress, reason, alert and export text of the planning module, in zh-CN and en. */
export const planningMessages: MessageCatalogue = {
  'planning.warehouse_out_of_scope': {
    'zh-CN': '您只能为分配给您的仓库做计划。',
    en: 'You can plan only for the warehouses assigned to you.',
  },
  'planning.version_conflict': {
    'zh-CN': '数据已被他人修改（您的版本 {expected}，当前版本 {actual}），请刷新后重试。',
    en: 'Someone else changed this (your version {expected}, current {actual}). Reload and retry.',
  },
  'planning.demand.invalid_row': {
    'zh-CN': '需求记录第 {index} 行的 {field} 无效。',
    en: 'Demand row {index}: {field} is invalid.',
  },
  'planning.calendar.invalid_range': {
    'zh-CN': '日期范围无效：结束日期须不早于开始日期，且跨度不超过 800 天。',
    en: 'Invalid date range: the end may not be before the start, and the range is at most 800 days.',
  },
  // Import
  'planning.import.unknown_format': {
    'zh-CN': '无法识别文件格式，请上传 CSV 或 Excel（.xlsx）文件。',
    en: 'Unknown file format; upload a CSV or Excel (.xlsx) file.',
  },
  'planning.import.empty_file': { 'zh-CN': '文件为空。', en: 'The file is empty.' },
  'planning.import.unreadable_csv': {
    'zh-CN': '无法读取 CSV 文件：{reason}',
    en: 'Could not read the CSV file: {reason}',
  },
  'planning.import.unreadable_xlsx': {
    'zh-CN': '文件不是有效的 Excel（.xlsx）文件，或已损坏。',
    en: 'The file is not a valid Excel (.xlsx) workbook or is damaged.',
  },
  'planning.import.too_many_rows': {
    'zh-CN': '文件行数过多，单次最多导入 {max} 行。',
    en: 'Too many rows; at most {max} rows per import.',
  },
  'planning.import.missing_column': {
    'zh-CN': '缺少必填列 {column}。',
    en: 'Required column {column} is missing.',
  },
  'planning.import.required': { 'zh-CN': '{column} 不能为空。', en: '{column} is required.' },
  'planning.import.unknown_sku': {
    'zh-CN': '商品编码 {code} 不存在。',
    en: 'SKU code {code} does not exist.',
  },
  'planning.import.ambiguous_sku': {
    'zh-CN': '多个商家都有商品编码 {code}，请填写商家编码。',
    en: 'Several merchants have SKU code {code}; fill in merchant_code.',
  },
  'planning.import.unknown_warehouse': {
    'zh-CN': '仓库编码 {code} 不存在或不在您的权限范围内。',
    en: 'Warehouse code {code} does not exist or is not one of yours.',
  },
  'planning.import.invalid_date': {
    'zh-CN': '日期“{value}”无效，请使用 YYYY-MM-DD。',
    en: 'Date “{value}” is invalid; use YYYY-MM-DD.',
  },
  'planning.import.future_date': {
    'zh-CN': '日期 {value} 在未来，不能作为历史需求。',
    en: 'Date {value} is in the future.',
  },
  'planning.import.invalid_qty': {
    'zh-CN': '数量“{value}”无效，应为非负整数。',
    en: 'Quantity “{value}” is invalid; use a whole number ≥ 0.',
  },
  'planning.import.invalid_flag': {
    'zh-CN': '缺货标记“{value}”无效，请填 是/否 或 1/0。',
    en: 'Stock-out flag “{value}” is invalid; use yes/no or 1/0.',
  },
  'planning.import.duplicate_row': {
    'zh-CN': '与第 {firstRow} 行重复（同一商品、仓库和日期）。',
    en: 'Duplicates row {firstRow} (same SKU, warehouse and date).',
  },
  'planning.import.progress.reading': { 'zh-CN': '正在读取文件…', en: 'Reading the file…' },
  'planning.import.progress.validating': {
    'zh-CN': '已校验 {done}/{total} 行',
    en: 'Checked {done}/{total} rows',
  },
  'planning.import.progress.validated': {
    'zh-CN': '校验完成：有效 {valid} 行，无效 {invalid} 行',
    en: 'Checked: {valid} valid, {invalid} invalid rows',
  },
  'planning.import.progress.writing': {
    'zh-CN': '已写入 {done}/{total} 行',
    en: 'Written {done}/{total} rows',
  },
  'planning.import.progress.done': {
    'zh-CN': '导入完成：写入 {written} 行，{series} 个序列',
    en: 'Imported {written} rows for {series} series',
  },
  // Runs
  'planning.run.progress.loading': { 'zh-CN': '正在读取需求历史…', en: 'Reading demand history…' },
  'planning.run.progress.series': {
    'zh-CN': '已计算 {done}/{total} 个序列',
    en: 'Computed {done}/{total} series',
  },
  'planning.run.progress.storing': { 'zh-CN': '正在保存准确率…', en: 'Storing accuracy…' },
  'planning.run.progress.done': {
    'zh-CN': '完成：{series} 个序列，{failed} 个失败，用时 {seconds} 秒',
    en: 'Done: {series} series, {failed} failed, {seconds} s',
  },
  'planning.run.nothing_selected': {
    'zh-CN': '所选范围内没有需求历史，无法预测。',
    en: 'No demand history in the selection; nothing to forecast.',
  },
  'planning.review.progress.loading': { 'zh-CN': '正在读取库存与预测…', en: 'Reading stock and forecasts…' },
  'planning.review.progress.series': {
    'zh-CN': '已检查 {done}/{total} 个序列',
    en: 'Reviewed {done}/{total} series',
  },
  'planning.review.progress.done': {
    'zh-CN': '完成：新建议 {created} 条，新预警 {raised} 条',
    en: 'Done: {created} new suggestions, {raised} new alerts',
  },
  // Promotions
  'planning.promotion.end_before_start': {
    'zh-CN': '结束日期不能早于开始日期。',
    en: 'The end date cannot be before the start date.',
  },
  'planning.promotion.too_long': { 'zh-CN': '促销期最长一年。', en: 'A promotion lasts at most a year.' },
  // Suggestions
  'planning.suggestion.illegal_transition': {
    'zh-CN': '状态为“{from}”的建议不能执行“{action}”（可执行：{allowed}）。',
    en: 'A suggestion in status “{from}” cannot be “{action}” (allowed: {allowed}).',
  },
  'planning.suggestion.nothing_to_edit': {
    'zh-CN': '请修改数量或下单日期。',
    en: 'Change the quantity or the order date.',
  },
  'planning.suggestion.reason_required': { 'zh-CN': '请填写原因。', en: 'A reason is required.' },
  'planning.suggestion.order_date_past': {
    'zh-CN': '下单日期不能早于今天。',
    en: 'The order date cannot be in the past.',
  },
  'planning.suggestion.not_exportable': {
    'zh-CN': '建议 {id} 不是“已接受”状态，不能导出。',
    en: 'Suggestion {id} is not accepted and cannot be exported.',
  },
  'planning.suggestion.nothing_to_export': {
    'zh-CN': '没有可导出的已接受建议。',
    en: 'There are no accepted suggestions to export.',
  },
  'planning.alert.not_open': {
    'zh-CN': '该预警状态为“{status}”，不能确认。',
    en: 'The alert is “{status}” and cannot be acknowledged.',
  },
  // Why a suggestion says what it says
  'planning.reason.below_reorder_point': {
    'zh-CN': '库存位置 {position}（在库可用 + 在途）已低于再订货点 {rop}',
    en: 'Inventory position {position} (available + on order) is at or below the reorder point {rop}',
  },
  'planning.reason.stockout_projected': {
    'zh-CN': '预计 {date} 缺货（{days} 天后）',
    en: 'Projected to run out on {date} (in {days} days)',
  },
  'planning.reason.arrives_after_stockout': {
    'zh-CN': '即使今天下单，到货也晚于预计缺货日 {date}',
    en: 'Even ordered today, the goods arrive after the projected stock-out on {date}',
  },
  'planning.reason.promotion_ahead': {
    'zh-CN': '{date} 起有促销“{name}”，预计需求为平时的 {uplift}%',
    en: 'Promotion “{name}” from {date}: demand expected at {uplift}% of normal',
  },
  'planning.reason.event_ahead': {
    'zh-CN': '{date} 起{eventName}，预计需求为平时的 {uplift}%',
    en: '{eventName} from {date}: demand expected at {uplift}% of normal',
  },
  'planning.reason.shelf_life_cap': {
    'zh-CN': '保质期内只能售出约 {cap} 件（可售 {days} 天），数量已相应减少',
    en: 'Only about {cap} units can be sold within the {days} sellable days of shelf life; quantity reduced',
  },
  // Retail calendar
  'planning.event.double11': { 'zh-CN': '双十一', en: 'Double 11' },
  'planning.event.618': { 'zh-CN': '618 年中大促', en: '618 mid-year sale' },
  'planning.event.double12': { 'zh-CN': '双十二', en: 'Double 12' },
  'planning.event.spring_festival_pre': { 'zh-CN': '春节前（物流停运前）', en: 'Before Spring Festival' },
  'planning.event.spring_festival': { 'zh-CN': '春节', en: 'Spring Festival' },
  'planning.event.spring_festival_post': { 'zh-CN': '春节后恢复期', en: 'After Spring Festival' },
  'planning.event.mid_autumn': { 'zh-CN': '中秋', en: 'Mid-Autumn' },
  'planning.event.makeup_workday': { 'zh-CN': '调休工作日', en: 'Make-up working day' },
  'planning.event.promotion': { 'zh-CN': '促销“{name}”', en: 'Promotion “{name}”' },
  'planning.event.holiday': { 'zh-CN': '{name}假期', en: '{name} holiday' },
  // Alerts
  'planning.alert.stockout_risk': {
    'zh-CN': '预计 {date} 缺货（{daysLeft} 天后）',
    en: 'Projected stock-out on {date} (in {daysLeft} days)',
  },
  'planning.alert.stockout_risk_event': {
    'zh-CN': '预计 {date} 缺货（{daysLeft} 天后），{eventName}（{eventDate}）前库存不足',
    en: 'Projected stock-out on {date} (in {daysLeft} days): not enough stock for {eventName} ({eventDate})',
  },
  'planning.alert.overstock': {
    'zh-CN': '库存 {onHand} 件可用 {coverDays} 天，超过 {threshold} 天；多出约 {excess} 件',
    en: '{onHand} units cover {coverDays} days, more than {threshold}; about {excess} units too many',
  },
  'planning.alert.overstock_no_demand': {
    'zh-CN': '库存 {onHand} 件，预测无需求',
    en: '{onHand} units on hand with no forecast demand',
  },
  'planning.alert.slow_mover': {
    'zh-CN': '库存 {onHand} 件，已 {idleDays} 天无销售（最后一次 {lastSale}）',
    en: '{onHand} units on hand, no sale for {idleDays} days (last {lastSale})',
  },
  'planning.alert.slow_mover_never': {
    'zh-CN': '库存 {onHand} 件，历史中没有任何销售',
    en: '{onHand} units on hand and no sale in the history',
  },
  'planning.alert.near_expiry': {
    'zh-CN':
      '批次 {lotCode} 于 {expiryDate} 到期（最后可售 {lastSellable}），{qty} 件中约 {atRisk} 件预计售不完',
    en: 'Lot {lotCode} expires {expiryDate} (last sellable {lastSellable}); about {atRisk} of {qty} units will not sell in time',
  },
  // Alert notices (staff inbox and e-mail)
  'planning.notice.title': {
    'zh-CN': '【{severity}】{kind}：{sku}（{warehouse}）',
    en: '[{severity}] {kind}: {sku} ({warehouse})',
  },
  'planning.severity.critical': { 'zh-CN': '紧急', en: 'Critical' },
  'planning.severity.warning': { 'zh-CN': '警告', en: 'Warning' },
  'planning.severity.info': { 'zh-CN': '提示', en: 'Info' },
  'planning.kind.stockout_risk': { 'zh-CN': '缺货风险', en: 'Stock-out risk' },
  'planning.kind.overstock': { 'zh-CN': '库存积压', en: 'Overstock' },
  'planning.kind.slow_mover': { 'zh-CN': '滞销', en: 'Slow mover' },
  'planning.kind.near_expiry': { 'zh-CN': '临期', en: 'Near expiry' },
  // Requisition export
  'planning.export.sheet': { 'zh-CN': '采购申请', en: 'Requisition' },
  'planning.export.requisition_no': { 'zh-CN': '申请单号', en: 'Requisition no.' },
  'planning.export.suggestion_no': { 'zh-CN': '建议单号', en: 'Suggestion no.' },
  'planning.export.sku_code': { 'zh-CN': '商品编码', en: 'SKU code' },
  'planning.export.sku_name': { 'zh-CN': '商品名称', en: 'SKU name' },
  'planning.export.warehouse_code': { 'zh-CN': '收货仓库', en: 'Receiving warehouse' },
  'planning.export.qty': { 'zh-CN': '数量', en: 'Quantity' },
  'planning.export.order_by': { 'zh-CN': '最迟下单日', en: 'Order by' },
  'planning.export.need_by': { 'zh-CN': '要求到货日', en: 'Needed by' },
  'planning.export.unit_cost': { 'zh-CN': '单价（元）', en: 'Unit cost (CNY)' },
  'planning.export.amount': { 'zh-CN': '金额（元）', en: 'Amount (CNY)' },
  'planning.export.reason': { 'zh-CN': '原因', en: 'Reason' },
};
