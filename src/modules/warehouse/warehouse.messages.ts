import type { MessageCatalogue } from '../../platform/i18n/i18n';
import { countMessages } from './count.messages';
import { kitMessages } from './kit.messages';
import { outboundMessages } from './outbound.messages';
import { slottingMessages } from './slotting.messages';

export const warehouseMessages: MessageCatalogue = {
  'warehouse.merchant_mismatch': {
    'zh-CN': '商家用户只能为本商家的货物发送到货通知或建立入库单。',
    en: 'A merchant user can act only for their own company’s goods.',
  },
  'warehouse.merchant_required': {
    'zh-CN': '请指定货主商家（merchantId）。',
    en: 'Name the goods’ owner (merchantId).',
  },
  'warehouse.sku_not_found': { 'zh-CN': '该商家没有此商品（{id}）。', en: 'This merchant has no SKU {id}.' },
  'warehouse.sku_inactive': {
    'zh-CN': '商品 {sku} 已停用，不能收货。',
    en: 'SKU {sku} is inactive and cannot be received.',
  },
  'warehouse.lot_not_tracked': {
    'zh-CN': '商品 {sku} 不按批次管理，不能填写批次。',
    en: 'SKU {sku} is not lot-tracked: leave the lot empty.',
  },
  'warehouse.lot_required': {
    'zh-CN': '商品 {sku} 按批次管理：入库前必须填写批次号。',
    en: 'SKU {sku} is lot-tracked: a lot code is required before it is booked in.',
  },
  'warehouse.expiry_required': {
    'zh-CN': '商品 {sku} 有保质期：请填写生产日期或到期日。',
    en: 'SKU {sku} has a shelf life: give the production or the expiry date.',
  },
  'warehouse.lot_dates_inverted': {
    'zh-CN': '到期日不能早于生产日期。',
    en: 'The expiry date is before the production date.',
  },
  'warehouse.temperature_required': {
    'zh-CN': '商品 {sku} 属冷链商品：请填写到货温度。',
    en: 'SKU {sku} is cold-chain: enter the arrival temperature.',
  },
  'warehouse.qty_mismatch': {
    'zh-CN': '合格数 {accepted} 加不合格数 {rejected} 应等于实收数 {received}。',
    en: 'Accepted {accepted} plus rejected {rejected} must equal received {received}.',
  },
  'warehouse.reject_note_required': {
    'zh-CN': '原因选“其他”时请填写说明。',
    en: 'Describe the problem when the reason is “other”.',
  },
  'warehouse.asn_illegal_transition': {
    'zh-CN': '到货通知 {number} 当前状态 {from}，不能变为 {to}。',
    en: 'ASN {number} is {from} and cannot become {to}.',
  },
  'warehouse.asn_changed': {
    'zh-CN': '到货通知 {number} 刚被他人修改，请刷新后重试。',
    en: 'ASN {number} was just changed by someone else; reload and retry.',
  },
  'warehouse.asn_not_open': {
    'zh-CN': '到货通知 {number} 状态为 {status}，不能再建立入库单。',
    en: 'ASN {number} is {status}: no receipt can be opened for it.',
  },
  'warehouse.asn_has_receipt': {
    'zh-CN': '该到货通知已有进行中的入库单。',
    en: 'This ASN already has a receipt in progress.',
  },
  'warehouse.receipt_illegal_transition': {
    'zh-CN': '入库单 {number} 当前状态 {from}，不能变为 {to}。',
    en: 'Receipt {number} is {from} and cannot become {to}.',
  },
  'warehouse.receipt_changed': {
    'zh-CN': '入库单 {number} 刚被他人修改，请刷新后重试。',
    en: 'Receipt {number} was just changed by someone else; reload and retry.',
  },
  'warehouse.receipt_action_not_allowed': {
    'zh-CN': '入库单 {number} 当前状态 {status}，不能执行 {action}。',
    en: 'Receipt {number} is {status}: {action} is not allowed now.',
  },
  'warehouse.delivery_note_required': {
    'zh-CN': '手续齐全需要送货单：请在到货时填写送货单号，或添加一份送货单。',
    en: 'Complete documents need a delivery note: enter its number at arrival or add a delivery-note document.',
  },
  'warehouse.temperature_out_of_range': {
    'zh-CN': '商品 {sku} 到货温度 {temp} 超出 {min} ~ {max}：应按“温度不符”拒收，或由主管填写说明后放行。',
    en: 'SKU {sku} arrived at {temp}, outside {min} to {max}: reject it for temperature, or a manager may accept it with a note.',
  },
  'warehouse.lot_expired': {
    'zh-CN': '商品 {sku} 批次已于 {expiryDate} 过期，不能验收合格。',
    en: 'SKU {sku}: the lot expired on {expiryDate} and cannot be accepted.',
  },
  'warehouse.shelf_life_short': {
    'zh-CN': '商品 {sku} 剩余保质期 {remaining} 天，低于最低要求 {min} 天：应拒收，或由主管填写说明后放行。',
    en: 'SKU {sku} has {remaining} days of shelf life left, below the minimum {min}: reject it, or a manager may accept it with a note.',
  },
  'warehouse.lines_not_inspected': {
    'zh-CN': '入库单 {number} 第 {lines} 行尚未验收，手续不全不允许入库。',
    en: 'Receipt {number}: line(s) {lines} not inspected yet — nothing is booked in before inspection is complete.',
  },
  'warehouse.documents_incomplete': {
    'zh-CN': '入库单 {number} 随货单据不齐全，合格品不能入库（手续不全不允许入库）。',
    en: 'Receipt {number}: the documents are incomplete, so accepted goods cannot be booked in.',
  },
  'warehouse.line_not_inspected': {
    'zh-CN': '入库单 {number} 第 {line} 行尚未验收，不能上架。',
    en: 'Receipt {number} line {line} is not inspected: it cannot be put away.',
  },
  'warehouse.task_not_open': {
    'zh-CN': '上架任务已是 {status} 状态。',
    en: 'The putaway task is already {status}.',
  },
  'warehouse.putaway_qty_exceeds': {
    'zh-CN': '上架数量 {qty} 超过任务剩余 {left}。',
    en: 'Quantity {qty} exceeds the {left} left on the task.',
  },
  'warehouse.wrong_sku_scan': {
    'zh-CN': '扫描的商品条码 {scanned} 不是本任务的商品 {sku}。',
    en: 'Scanned goods {scanned} are not the task’s SKU {sku}.',
  },
  'warehouse.wrong_bin_scan': {
    'zh-CN': '库位条码 {scanned} 不是本仓库的库位；建议库位为 {expected}。',
    en: 'Bin barcode {scanned} is not a bin of this warehouse; the suggested bin is {expected}.',
  },
  'warehouse.bin_class_mismatch': {
    'zh-CN': '库位 {bin}（{zoneClass}）不能存放商品 {sku}（{skuClass}）。',
    en: 'Bin {bin} ({zoneClass}) cannot store SKU {sku} ({skuClass}).',
  },
  'warehouse.bin_inactive': { 'zh-CN': '库位 {bin} 已停用。', en: 'Bin {bin} is inactive.' },
  'warehouse.putaway_bin_differs': {
    'zh-CN': '扫描的库位 {scanned} 不是建议库位 {suggested}。确认要上架到 {scanned} 吗？',
    en: 'Scanned bin {scanned} is not the suggested bin {suggested}. Put away into {scanned} anyway?',
  },
  'warehouse.bin_capacity_exceeded': {
    'zh-CN': '库位 {bin} 放不下 {qty} 件（按重量和体积最多还能放 {room} 件）。',
    en: 'Bin {bin} cannot take {qty} (room for {room} by weight and volume).',
  },
  'warehouse.return_exceeds_held': {
    'zh-CN': '第 {line} 行退供数量 {qty} 超过待退数量 {pending}。',
    en: 'Line {line}: {qty} to return exceeds the {pending} waiting for return.',
  },
  'warehouse.nothing_to_return': {
    'zh-CN': '入库单 {number} 没有待退供的不合格品。',
    en: 'Receipt {number} has no rejected goods waiting for return.',
  },
  ...countMessages,
  ...slottingMessages,
  ...kitMessages,
  ...outboundMessages,
};
