import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Every error, issue and progress code the transport module raises, in zh-CN and en. */
export const transportMessages: MessageCatalogue = {
  'transport.invalid_time': {
    'zh-CN': '时间 {value} 无效，应为 HH:MM（00:00–24:00）。',
    en: 'Time {value} is invalid; expected HH:MM (00:00–24:00).',
  },
  'transport.window_order': {
    'zh-CN': '时间窗的开始 {from} 晚于结束 {to}。',
    en: 'The time window starts ({from}) after it ends ({to}).',
  },
  'transport.shift_order': {
    'zh-CN': '班次开始 {from} 晚于班次结束 {to}。',
    en: 'The shift starts ({from}) after it ends ({to}).',
  },
  'transport.duplicate_stop_id': {
    'zh-CN': '站点编号 {id} 重复。',
    en: 'Stop id {id} is used twice.',
  },
  'transport.duplicate_vehicle_id': {
    'zh-CN': '车型编号 {id} 重复。',
    en: 'Vehicle id {id} is used twice.',
  },
  'transport.route_plan.progress': {
    'zh-CN': '当前最优成本 {cost}，{vehicles} 辆车',
    en: 'best cost {cost}, {vehicles} vehicles',
  },
  'transport.route_plan.infeasible': {
    'zh-CN': '求解结果未通过可行性校验：{errors}',
    en: 'The plan failed the feasibility check: {errors}',
  },
  'transport.unassigned.too_heavy_for_any_vehicle': {
    'zh-CN': '货物超出所有车型的载重/体积/件数上限。',
    en: 'The goods exceed the capacity (weight, volume or items) of every vehicle type.',
  },
  'transport.unassigned.no_vehicle_with_skills': {
    'zh-CN': '没有具备所需能力（如冷藏）的车辆。',
    en: 'No vehicle has the required skills (e.g. refrigerated).',
  },
  'transport.unassigned.window_unreachable': {
    'zh-CN': '在车辆班次内无法按时间窗到达。',
    en: 'The time window cannot be reached within any vehicle’s shift.',
  },
  'transport.unassigned.fleet_exhausted': {
    'zh-CN': '车辆不足，无法安排该站点。',
    en: 'Not enough vehicles to serve this stop.',
  },
};
