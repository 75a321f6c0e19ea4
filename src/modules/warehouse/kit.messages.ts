import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Messages of kitting / late customisation (延迟策略). */
export const kitMessages: MessageCatalogue = {
  'warehouse.kit_variant_is_input': {
    'zh-CN': '成品（变体）不能同时是本套件的投入物料。',
    en: 'The variant cannot also be an input of its own kit.',
  },
  'warehouse.kit_duplicate_sku': {
    'zh-CN': '同一商品在套件中只能出现一次。',
    en: 'A SKU may appear only once in a kit.',
  },
  'warehouse.kit_one_generic': {
    'zh-CN': '套件必须恰好有一个通用品（generic）行。',
    en: 'A kit needs exactly one generic item line.',
  },
  'warehouse.kit_code_taken': {
    'zh-CN': '套件编码 {code} 已被使用。',
    en: 'Kit code {code} is already used.',
  },
  'warehouse.kit_merchant_fixed': {
    'zh-CN': '套件的货主不能更改。',
    en: 'A kit cannot change owner.',
  },
  'warehouse.kit_inactive': { 'zh-CN': '套件 {code} 已停用。', en: 'Kit {code} is inactive.' },
  'warehouse.kit_components_short': {
    'zh-CN': '物料不足：{sku} 需要 {required}，可用 {available}。加工单未建立。',
    en: 'Not enough inputs: {sku} needs {required}, {available} available. No work order was made.',
  },
  'warehouse.kit_order_illegal_transition': {
    'zh-CN': '加工单 {number} 当前状态 {from}，不能变为 {to}。',
    en: 'Work order {number} is {from} and cannot become {to}.',
  },
  'warehouse.kit_order_changed': {
    'zh-CN': '加工单 {number} 刚被他人修改，请刷新后重试。',
    en: 'Work order {number} was just changed by someone else; reload and retry.',
  },
  'warehouse.kit_order_has_output': {
    'zh-CN': '加工单 {number} 已完成 {done} 件，不能取消：请改为“短量关闭”。',
    en: 'Work order {number} has {done} kits made and cannot be cancelled: close it short instead.',
  },
  'warehouse.kit_qty_exceeds': {
    'zh-CN': '完成数量 {qty} 超过剩余 {left}。',
    en: 'Quantity {qty} exceeds the {left} left.',
  },
  'warehouse.kit_output_bin_required': {
    'zh-CN': '请指定成品存放库位。',
    en: 'Choose the bin the kits go to.',
  },
};
