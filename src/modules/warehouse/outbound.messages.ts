import type { MessageCatalogue } from '../../platform/i18n/i18n';

export const outboundMessages: MessageCatalogue = {
  'warehouse.outbound_illegal_transition': {
    'zh-CN': '出库单 {number} 当前状态 {from}，不能变为 {to}。',
    en: 'Outbound {number} is {from} and cannot become {to}.',
  },
  'warehouse.outbound_changed': {
    'zh-CN': '出库单 {number} 刚被他人修改，请刷新后重试。',
    en: 'Outbound {number} was just changed by someone else; reload and retry.',
  },
  'warehouse.outbound_not_open': {
    'zh-CN': '出库单 {number} 状态为 {status}，不能再组入波次。',
    en: 'Outbound {number} is {status}: it cannot join a wave.',
  },
  'warehouse.wave_illegal_transition': {
    'zh-CN': '波次 {number} 当前状态 {from}，不能变为 {to}。',
    en: 'Wave {number} is {from} and cannot become {to}.',
  },
  'warehouse.wave_changed': {
    'zh-CN': '波次 {number} 刚被他人修改，请刷新后重试。',
    en: 'Wave {number} was just changed by someone else; reload and retry.',
  },
  'warehouse.pick_task_not_open': {
    'zh-CN': '库位 {bin} 的拣货任务已是 {status} 状态。',
    en: 'The pick task at bin {bin} is already {status}.',
  },
  'warehouse.pick_wrong_bin': {
    'zh-CN': '库位扫错了：扫到 {scanned}，应到库位 {expected}。',
    en: 'Wrong bin: scanned {scanned}, go to bin {expected}.',
  },
  'warehouse.pick_wrong_sku': {
    'zh-CN': '商品扫错了：条码 {scanned} 不是 {sku} {name}。',
    en: 'Wrong goods: barcode {scanned} is not {sku} {name}.',
  },
  'warehouse.pick_wrong_lot': {
    'zh-CN': '批次不对：扫到 {scanned}，应拣 {sku} 的批次 {lot}。',
    en: 'Wrong lot: scanned {scanned}, pick lot {lot} of {sku}.',
  },
  'warehouse.pick_qty_exceeds': {
    'zh-CN': '数量 {qty} 超过库位 {bin} 本任务还需拣的 {open} 件。',
    en: 'Quantity {qty} is more than the {open} still to pick at bin {bin}.',
  },
  'warehouse.short_not_short': {
    'zh-CN': '找到 {found} 件，不少于应拣的 {open} 件：请直接确认拣货。',
    en: 'Found {found}, not fewer than the {open} needed: confirm the pick instead.',
  },
  'warehouse.outbound_not_picked': {
    'zh-CN': '出库单 {number} 状态为 {status}，拣货完成后才能打包。',
    en: 'Outbound {number} is {status}: it can be packed once picked.',
  },
  'warehouse.pack_wrong_item': {
    'zh-CN': '条码 {scanned} 不是第 {parcel} 箱应装的商品（出库单 {number}）。',
    en: 'Barcode {scanned} is not an item of parcel {parcel} (outbound {number}).',
  },
  'warehouse.pack_item_complete': {
    'zh-CN': '第 {parcel} 箱的 {sku} 已装够 {qty} 件。',
    en: 'Parcel {parcel} already holds all {qty} of {sku}.',
  },
  'warehouse.package_sealed': {
    'zh-CN': '出库单 {number}（{status}）第 {parcel} 箱已封箱或不在打包中。',
    en: 'Parcel {parcel} of outbound {number} ({status}) is sealed or not being packed.',
  },
  'warehouse.carton_does_not_fit': {
    'zh-CN': '第 {parcel} 箱的商品装不进箱型 {carton}（尺寸、重量、保温或易碎规则）。',
    en: 'The goods of parcel {parcel} do not fit carton {carton} (size, weight, insulation or fragile rules).',
  },
  'warehouse.pack_items_missing': {
    'zh-CN': '第 {parcel} 箱还有商品未扫描：{missing}。',
    en: 'Parcel {parcel} still has items to scan: {missing}.',
  },
  'warehouse.pack_weight_mismatch': {
    'zh-CN': '第 {parcel} 箱称重 {measured} 克，与应有的 {expected} 克不符：请复核，或确认后封箱。',
    en: 'Parcel {parcel} weighs {measured} g but should weigh {expected} g: check it, or confirm to seal anyway.',
  },
  'warehouse.unknown_carrier': {
    'zh-CN': '承运商 {carrier} 不在承运商列表中。',
    en: 'Carrier {carrier} is not a known carrier.',
  },
  'warehouse.no_sealed_parcels': {
    'zh-CN': '{number} 还没有已封箱的包裹，无面单可打印。',
    en: '{number} has no sealed parcels: no labels to print.',
  },
  'warehouse.duplicate_service_type': {
    'zh-CN': '每种服务类型只能出现一次。',
    en: 'Each service type may appear once.',
  },
  'warehouse.gate_unknown_parcel': {
    'zh-CN': '运单 {scanned} 不是本仓库已封箱的包裹。',
    en: 'Waybill {scanned} is not a sealed parcel of this warehouse.',
  },
  'warehouse.gate_parcel_not_ready': {
    'zh-CN': '运单 {waybill} 所属出库单 {number} 状态为 {status}，不能出门。',
    en: 'Waybill {waybill} belongs to outbound {number}, which is {status}: it may not leave.',
  },
  'warehouse.gate_not_packed': {
    'zh-CN': '不能放行：出库单 {number}（订单 {order}）状态为 {status}，尚未打包完成。',
    en: 'Not released: outbound {number} (order {order}) is {status}, not packed.',
  },
  'warehouse.gate_no_parcels': {
    'zh-CN': '不能放行：出库单 {number}（订单 {order}）没有包裹。',
    en: 'Not released: outbound {number} (order {order}) has no parcels.',
  },
  'warehouse.gate_parcel_not_sealed': {
    'zh-CN': '不能放行：出库单 {number} 共 {total} 件，第 {parcels} 件未封箱。',
    en: 'Not released: outbound {number} has {total} parcel(s); parcel {parcels} not sealed.',
  },
  'warehouse.gate_parcel_not_checked': {
    'zh-CN': '不能放行：出库单 {number} 共 {total} 件，第 {parcels} 件（运单 {waybills}）未在门岗扫描核对。',
    en: 'Not released: outbound {number} has {total} parcel(s); parcel {parcels} (waybill {waybills}) not scanned at the gate.',
  },
  'warehouse.gate_order_not_packed': {
    'zh-CN': '不能放行：订单 {order} 在订单中心的状态为 {orderStatus}，不是已打包。',
    en: 'Not released: order {order} is {orderStatus} at the order desk, not packed.',
  },
  'warehouse.gate_unpaid': {
    'zh-CN': '不能放行：订单 {order} 未付款（付款状态 {payment}），须已付款、货到付款或经授信审批。',
    en: 'Not released: order {order} is unpaid ({payment}); it must be paid, cash on delivery or credit-approved.',
  },
  'warehouse.gate_carrier_mismatch': {
    'zh-CN': '不能放行：出库单 {number} 应交 {expected} 承运，本车为 {carrier}。',
    en: 'Not released: outbound {number} goes with {expected}, this vehicle is {carrier}.',
  },
  'warehouse.credit_not_needed': {
    'zh-CN': '出库单 {number} 的订单付款状态为 {payment}，无需授信。',
    en: 'The order of outbound {number} is {payment}: no credit approval is needed.',
  },
};
