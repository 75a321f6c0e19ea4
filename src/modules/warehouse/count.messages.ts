import type { MessageCatalogue } from '../../platform/i18n/i18n';
import { countVarianceMessages } from '../inventory';

/** Messages of counts (盘点): plans, blind counting, review and posting. */
export const countMessages: MessageCatalogue = {
  ...countVarianceMessages,
  'warehouse.count_action_not_allowed': {
    'zh-CN': '盘点单 {number} 当前状态 {status}，不能执行 {action}。',
    en: 'Count {number} is {status}: {action} is not allowed now.',
  },
  'warehouse.count_illegal_transition': {
    'zh-CN': '盘点单 {number} 当前状态 {from}，不能变为 {to}。',
    en: 'Count {number} is {from} and cannot become {to}.',
  },
  'warehouse.count_changed': {
    'zh-CN': '盘点单 {number} 刚被他人修改，请刷新后重试。',
    en: 'Count {number} was just changed by someone else; reload and retry.',
  },
  'warehouse.count_nothing_due': {
    'zh-CN': '目前没有到期需要盘点的库位。',
    en: 'No bin is due for counting now.',
  },
  'warehouse.bin_in_open_count': {
    'zh-CN': '库位 {bin} 已在一张未完成的盘点单中。',
    en: 'Bin {bin} is already in a count that is not finished.',
  },
  'warehouse.count_open_in_warehouse': {
    'zh-CN': '本仓还有 {bins} 个库位在未完成的盘点单中：全盘前请先完成或取消它们。',
    en: '{bins} bins of this warehouse are in unfinished counts: finish or cancel them before a full count.',
  },
  'warehouse.count_plan_inactive': {
    'zh-CN': '盘点计划“{name}”已停用。',
    en: 'Count plan “{name}” is inactive.',
  },
  'warehouse.zone_not_in_warehouse': {
    'zh-CN': '库区 {id} 不属于该仓库。',
    en: 'Zone {id} is not a zone of this warehouse.',
  },
  'warehouse.zone_plan_needs_zones': {
    'zh-CN': '按库区盘点的计划至少要选一个库区。',
    en: 'A zone plan needs at least one zone.',
  },
  'warehouse.plan_warehouse_fixed': {
    'zh-CN': '盘点计划所属仓库不能更改。',
    en: 'A count plan cannot move to another warehouse.',
  },
  'warehouse.count_bins_required': {
    'zh-CN': '请指定要盘点的库位，或选择按盘点申请（短拣）生成。',
    en: 'Name the bins to count, or count the bins with open count requests (short picks).',
  },
  'warehouse.count_wrong_bin': {
    'zh-CN': '扫描的库位条码 {scanned} 不是本任务的库位 {expected}。',
    en: 'Scanned bin {scanned} is not the task’s bin {expected}.',
  },
  'warehouse.count_task_closed': {
    'zh-CN': '库位 {bin} 的盘点任务已是 {status} 状态。',
    en: 'The count task of bin {bin} is already {status}.',
  },
  'warehouse.count_unknown_lot': {
    'zh-CN': '系统中没有批次 {lot}：请将该货物单独放置并上报。',
    en: 'Lot {lot} is unknown: set the goods aside and report them.',
  },
};
