import type { MessageCatalogue } from '../../platform/i18n/i18n';
import { ordersReasonMessages } from './orders.reason-messages';

/** Every error and progress code the orders module raises, in zh-CN and en. */
export const ordersMessages: MessageCatalogue = {
  ...ordersReasonMessages,
  'orders.illegal_transition': {
    'zh-CN': '订单 {number} 当前状态为“{from}”，不能变为“{to}”（允许：{allowed}）。',
    en: 'Order {number} is “{from}” and cannot become “{to}” (allowed: {allowed}).',
  },
  'orders.concurrent_change': {
    'zh-CN': '订单 {number} 刚被他人处理，请刷新后重试。',
    en: 'Order {number} was just changed by someone else. Reload and retry.',
  },
  'orders.not_allocatable': {
    'zh-CN': '订单 {number} 有未识别的商品或非正数数量，不能分配库存。',
    en: 'Order {number} has unknown SKUs or quantities that are not positive; it cannot be allocated.',
  },
  'orders.not_editable': {
    'zh-CN': '订单 {number} 已进入仓库作业（{status}），不能再修改地址或商品。',
    en: 'Order {number} is already with the warehouse ({status}); its address and goods can no longer be changed.',
  },
  'orders.not_overridable': {
    'zh-CN': '订单 {number} 的异常原因不能直接放行，请先修改订单：{reasons}。',
    en: 'Order {number} cannot be released as it is; change the order first: {reasons}.',
  },
  'orders.no_such_suggestion': {
    'zh-CN': '没有第 {index} 条地址建议。',
    en: 'There is no address suggestion number {index}.',
  },
  'orders.split_invalid_line': {
    'zh-CN': '第 {line} 行不能拆出 {qty} 件（该行共 {available} 件）。',
    en: 'Line {line} cannot give {qty} units (it has {available}).',
  },
  'orders.split_nothing_left': {
    'zh-CN': '拆单后订单 {number} 不能一件商品都不剩。',
    en: 'A split must leave at least one unit on order {number}.',
  },
  'orders.pick_not_allocated': {
    'zh-CN': '订单 {number} 在库位 {bin} 没有这么多待拣数量（要求 {requested}，待拣 {open}）。',
    en: 'Order {number} has not that much to pick at {bin} (asked {requested}, open {open}).',
  },
  'orders.not_fully_picked': {
    'zh-CN': '订单 {number} 还有 {open} 件未拣货，不能打包。',
    en: 'Order {number} still has {open} units to pick; it cannot be packed.',
  },
  'orders.not_cancellable': {
    'zh-CN': '订单 {number} 已是“{status}”，不能取消；已签收的订单请走退货流程。',
    en: 'Order {number} is “{status}” and cannot be cancelled; delivered orders go through returns.',
  },
  'orders.intercept_already_requested': {
    'zh-CN': '订单 {number} 已申请拦截。',
    en: 'An intercept was already requested for order {number}.',
  },
  'orders.tracking_not_found': {
    'zh-CN': '订单号或手机号后四位不正确。',
    en: 'The order number or the last four digits of the phone are not right.',
  },
  'orders.tracking_rate_limited': {
    'zh-CN': '查询过于频繁，请稍后再试。',
    en: 'Too many lookups. Please try again later.',
  },
  'orders.already_blocked': {
    'zh-CN': '号码 {phone} 已在黑名单中。',
    en: 'Phone {phone} is already blocked.',
  },
  'orders.merchant_required': { 'zh-CN': '请指定商家。', en: 'A merchant is required.' },
  'orders.merchant_not_found': {
    'zh-CN': '商家 {merchant} 不存在。',
    en: 'Merchant {merchant} does not exist.',
  },
  'orders.merchant_out_of_scope': {
    'zh-CN': '只能为本商家创建订单。',
    en: 'You can create orders for your own merchant only.',
  },
  'orders.address_required': {
    'zh-CN': '请填写收货地址（整段地址，或省市区加详细地址）。',
    en: 'An address is required (as one text, or province/city/district plus detail).',
  },
  'orders.invalid_email': {
    'zh-CN': '邮箱地址格式不正确（例如 name@example.com）。',
    en: 'This is not a valid e-mail address (e.g. name@example.com).',
  },
  'orders.sku_required': { 'zh-CN': '请填写商品编码或商品 ID。', en: 'A SKU code or SKU id is required.' },
  'orders.window_inverted': {
    'zh-CN': '期望送达时间段的结束时间必须晚于开始时间。',
    en: 'The delivery window must end after it starts.',
  },
  'orders.fix_empty': {
    'zh-CN': '请填写要修改的地址或联系方式。',
    en: 'Give the address or contact to change.',
  },
  'orders.change_empty': {
    'zh-CN': '请填写新的商品、服务类型或付款方式。',
    en: 'Give the new lines, service type or payment.',
  },
  'orders.bulk_forbidden_action': {
    'zh-CN': '您没有批量执行“{action}”的权限。',
    en: 'You may not run “{action}” in bulk.',
  },
  'orders.import.progress.reading': { 'zh-CN': '正在读取文件…', en: 'Reading the file…' },
  'orders.import.progress.validating': {
    'zh-CN': '正在校验：{done}/{total} 个订单',
    en: 'Validating: {done}/{total} orders',
  },
  'orders.import.progress.writing': {
    'zh-CN': '正在写入：{done}/{total} 个订单',
    en: 'Writing: {done}/{total} orders',
  },
  'orders.import.progress.done': {
    'zh-CN':
      '完成：新建 {created} 个订单（其中 {exceptions} 个进入异常队列），已存在 {existing} 个，无效 {invalid} 行。',
    en: 'Done: {created} orders created ({exceptions} in the exception queue), {existing} already known, {invalid} invalid rows.',
  },
  'orders.import.progress.validated': {
    'zh-CN': '校验完成：{orders} 个订单，{invalid} 行无效。',
    en: 'Checked: {orders} orders, {invalid} invalid rows.',
  },
  'orders.import.progress.invalid': {
    'zh-CN': '有无效的行，未导入任何订单。',
    en: 'Some rows are invalid; nothing was imported.',
  },
  'orders.import.missing_column': {
    'zh-CN': '缺少必需的列：{column}。',
    en: 'Required column missing: {column}.',
  },
  'orders.import.duplicate_column': {
    'zh-CN': '列 {column} 出现了两次。',
    en: 'Column {column} appears twice.',
  },
  'orders.import.unknown_column': {
    'zh-CN': '不认识的列“{column}”，已忽略。',
    en: 'Unknown column “{column}” was ignored.',
  },
  'orders.import.conflicting_field': {
    'zh-CN': '同一订单的各行中“{column}”不一致（第 {firstRow} 行为“{first}”）。',
    en: 'Rows of one order disagree on “{column}” (row {firstRow} says “{first}”).',
  },
  'orders.import.bad_value': {
    'zh-CN': '“{value}”不是有效的{column}。',
    en: '“{value}” is not a valid {column}.',
  },
  'orders.import.merchant_out_of_scope': {
    'zh-CN': '只能导入本商家的订单。',
    en: 'You can import your own merchant’s orders only.',
  },
  'orders.import.empty_file': { 'zh-CN': '文件是空的。', en: 'The file is empty.' },
  'orders.import.too_many_rows': { 'zh-CN': '文件超过 {max} 行。', en: 'The file has more than {max} rows.' },
  'orders.import.unreadable_csv': {
    'zh-CN': '无法读取 CSV 文件：{reason}',
    en: 'The CSV file cannot be read: {reason}',
  },
  'orders.import.unreadable_xlsx': {
    'zh-CN': '无法读取 Excel 文件，请另存为 .xlsx 后重试。',
    en: 'The Excel file cannot be read; save it as .xlsx and retry.',
  },
  'orders.import.unknown_format': {
    'zh-CN': '请上传 CSV 或 Excel（.xlsx）文件。',
    en: 'Upload a CSV or Excel (.xlsx) file.',
  },
  'orders.allocate.progress': {
    'zh-CN': '正在分配库存：{done}/{total} 个订单',
    en: 'Allocating: {done}/{total} orders',
  },
  'orders.allocate.progress.done': {
    'zh-CN': '分配完成：{allocated} 个已分配，{exceptions} 个库存不足进入异常队列。',
    en: 'Allocation done: {allocated} allocated, {exceptions} sent to the exception queue.',
  },
};
