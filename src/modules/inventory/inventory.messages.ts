import type { MessageCatalogue } from '../../platform/i18n/i18n';
import { coldChainMessages } from './coldchain.messages';
import { returnReceiptMessages } from './return-receipt.messages';

export const inventoryMessages: MessageCatalogue = {
  'inventory.warehouse_code_taken': {
    'zh-CN': '仓库编码 {code} 已存在。',
    en: 'Warehouse code {code} already exists.',
  },
  'inventory.zone_code_duplicate': {
    'zh-CN': '库区编码 {code} 重复。',
    en: 'Zone code {code} appears twice.',
  },
  'inventory.temp_range_inverted': {
    'zh-CN': '最高温度不能低于最低温度。',
    en: 'The maximum temperature is below the minimum.',
  },
  'inventory.bin_code_taken': {
    'zh-CN': '库位编码 {code} 在该仓库已存在。',
    en: 'Bin code {code} already exists in this warehouse.',
  },
  'inventory.bin_barcode_taken': { 'zh-CN': '库位条码已被使用。', en: 'That bin barcode is already in use.' },
  'inventory.bin_pattern_too_large': {
    'zh-CN': '一次最多生成 {max} 个库位（当前 {count} 个）。',
    en: 'At most {max} bins at a time ({count} requested).',
  },
  'inventory.bin_inactive': { 'zh-CN': '库位 {bin} 已停用。', en: 'Bin {bin} is inactive.' },
  'inventory.storage_class_mismatch': {
    'zh-CN': '商品 {sku}（存储类别 {skuClass}）不能存放在库位 {bin}（库区类别 {zoneClass}）。',
    en: 'SKU {sku} (storage class {skuClass}) cannot be stored in bin {bin} (zone class {zoneClass}).',
  },
  'inventory.insufficient_stock': {
    'zh-CN': '库存不足：需要 {requested}，可用 {available}。',
    en: 'Insufficient stock: {requested} requested, {available} available.',
  },
  'inventory.lot_required': {
    'zh-CN': '商品 {sku} 按批次管理，必须提供批次。',
    en: 'SKU {sku} is lot-tracked: a lot is required.',
  },
  'inventory.lot_not_tracked': {
    'zh-CN': '商品 {sku} 不按批次管理，不能指定批次。',
    en: 'SKU {sku} is not lot-tracked: no lot may be given.',
  },
  'inventory.expiry_required': {
    'zh-CN': '商品 {sku} 有保质期：请提供到期日或生产日期。',
    en: 'SKU {sku} has a shelf life: give the expiry or the production date.',
  },
  'inventory.lot_dates_mismatch': {
    'zh-CN': '批次 {lot} 已登记，到期日为 {expiryDate}，与本次不一致。',
    en: 'Lot {lot} is already recorded with expiry {expiryDate}; the dates given differ.',
  },
  'inventory.lot_dates_inverted': {
    'zh-CN': '到期日不能早于生产日期。',
    en: 'The expiry date is before the production date.',
  },
  'inventory.cross_warehouse_move': {
    'zh-CN': '库位 {from} 与 {to} 不在同一仓库；跨仓调拨请走调拨单。',
    en: 'Bins {from} and {to} are in different warehouses; use a transfer between warehouses.',
  },
  'inventory.move_to_same_place': {
    'zh-CN': '移库的来源与目标相同。',
    en: 'The move has the same source and destination.',
  },
  'inventory.adjust_zero': { 'zh-CN': '调整数量不能为 0。', en: 'An adjustment cannot be zero.' },
  'inventory.adjust_sign': {
    'zh-CN': '{type} 只能减少库存。',
    en: '{type} can only decrease stock.',
  },
  'inventory.reason_required': { 'zh-CN': '请填写调整原因。', en: 'Give a reason for the adjustment.' },
  'inventory.qty_positive': {
    'zh-CN': '数量必须为正整数。',
    en: 'The quantity must be a positive whole number.',
  },
  'inventory.not_reserved': {
    'zh-CN': '订单 {orderRef} 的预留不足：需要 {requested}，已预留 {reserved}。',
    en: 'Order {orderRef} has too little reserved: {requested} requested, {reserved} reserved.',
  },
  'inventory.nothing_to_ship': {
    'zh-CN': '订单 {orderRef} 没有已拣货待发运的库存。',
    en: 'Order {orderRef} has no picked stock waiting to ship.',
  },
  ...coldChainMessages,
  ...returnReceiptMessages,
};
