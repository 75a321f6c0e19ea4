import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Messages of ABC classification and re-slotting. */
export const slottingMessages: MessageCatalogue = {
  'warehouse.reslot_nothing_to_move': {
    'zh-CN': '库位 {bin} 中该商品没有可移动的库存（已预留或已有移库任务）。',
    en: 'Bin {bin} holds no free stock of this SKU to move (reserved, or already on a move task).',
  },
  'warehouse.move_task_not_open': {
    'zh-CN': '移库任务已是 {status} 状态。',
    en: 'The move task is already {status}.',
  },
  'warehouse.move_wrong_bin': {
    'zh-CN': '扫描的库位条码 {scanned} 不是任务库位 {expected}。',
    en: 'Scanned bin {scanned} is not the task’s bin {expected}.',
  },
};
