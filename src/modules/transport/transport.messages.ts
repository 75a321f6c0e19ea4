import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Every error, issue and progress code the transport module raises, in zh-CN and en. */
export const transportMessages: MessageCatalogue = {
  'transport.invalid_time': {
    'zh-CN': '时间 {value} 无效，应为 HH:MM（超过 24 点表示次日，如 26:30）。',
    en: 'Time {value} is invalid; expected HH:MM (hours past 24 are the next day, e.g. 26:30).',
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
  'transport.coordinate_missing': {
    'zh-CN': '站点 {id} 缺少坐标 {field}。',
    en: 'Stop {id} has no {field} coordinate.',
  },
  'transport.depot_missing': {
    'zh-CN': '请填写出发仓的坐标（{fields}），或选择一个仓库。',
    en: 'Give the depot’s coordinates ({fields}) or choose a warehouse.',
  },
  'transport.warehouse_not_found': {
    'zh-CN': '仓库 {id} 不存在，或您无权使用该仓库。',
    en: 'Warehouse {id} does not exist or is not one of yours.',
  },
  'transport.warehouse_no_location': {
    'zh-CN': '仓库 {code} 没有登记经纬度，请在计划中填写出发仓坐标。',
    en: 'Warehouse {code} has no latitude/longitude; give the depot’s coordinates in the plan.',
  },
  'transport.stops_required': {
    'zh-CN': '请填写站点，或选择从仓库出库单生成（shipments）。',
    en: 'Give the stops, or plan a warehouse’s shipments (`shipments`).',
  },
  'transport.vehicles_required': {
    'zh-CN': '请至少填写一种车型。',
    en: 'Give at least one vehicle type.',
  },
  'transport.stops_with_shipments': {
    'zh-CN': '从仓库出库单生成站点时不能同时填写站点。',
    en: 'Give either stops or `shipments`, not both.',
  },
  'transport.shipments_geo_only': {
    'zh-CN': '出库单的站点使用经纬度，坐标方式须为 geo。',
    en: 'Shipments are placed by latitude/longitude; coordinates must be `geo`.',
  },
  'transport.date_mismatch': {
    'zh-CN': '配送日期 {date} 与出库日 {day} 不一致。',
    en: 'The delivery date {date} differs from the shipments’ day {day}.',
  },
  'transport.warehouse_mismatch': {
    'zh-CN': '计划的出发仓与出库仓 {code} 不一致。',
    en: 'The plan’s warehouse differs from the shipments’ warehouse {code}.',
  },
  'transport.no_shipments': {
    'zh-CN':
      '仓库 {code} 在 {day} 没有待配送的出库单（已打包、已复核或已出门，且未排入其他调度方案；另有 {excluded} 单被排除）。',
    en: 'Warehouse {code} has no shipments to plan on {day} (packed, checked or released at the gate and not on another plan; {excluded} left out).',
  },
  'transport.too_many_shipments': {
    'zh-CN': '共 {count} 个出库单，超过单个调度方案的上限 {max}，请按距离或日期分批。',
    en: '{count} shipments exceed the limit of {max} stops per plan; split them by distance or day.',
  },
  'transport.shipments_unavailable': {
    'zh-CN': '本系统未接入仓库出库数据，无法按出库单生成站点。',
    en: 'Warehouse shipments are not available in this installation.',
  },
  'transport.shipments_invalid': {
    'zh-CN': '仓库 {code} 在 {day} 的出库单无法生成有效的调度方案，请查看各字段的说明。',
    en: 'The shipments of warehouse {code} on {day} do not make a valid plan; see the field issues.',
  },
  'transport.excluded.already_planned': {
    'zh-CN': '已排入调度方案 {plan}',
    en: 'already on route plan {plan}',
  },
  'transport.excluded.no_location': {
    'zh-CN': '收货地址无法定位',
    en: 'the consignee’s address cannot be placed',
  },
  'transport.excluded.too_far': {
    'zh-CN': '距仓库 {km} km，超出范围',
    en: '{km} km from the warehouse, beyond the limit',
  },
  'transport.route_plan.searching': {
    'zh-CN': '正在搜索可行方案…',
    en: 'Searching for a feasible plan…',
  },
  'transport.route_plan.progress': {
    'zh-CN': '当前最优成本 ¥{cost}，{vehicles} 辆车',
    en: 'best cost ¥{cost}, {vehicles} vehicles',
  },
  'transport.route_plan.infeasible': {
    'zh-CN': '求解结果未通过可行性校验：{errors}',
    en: 'The plan failed the feasibility check: {errors}',
  },
  'transport.route_plan.not_running': {
    'zh-CN': '调度方案 {number} 当前状态为 {status}，无法执行此操作。',
    en: 'Route plan {number} is {status}; this is only possible while it runs.',
  },
  'transport.route_plan.not_finished': {
    'zh-CN': '调度方案 {number} 尚未成功完成，暂无路线单。',
    en: 'Route plan {number} has not finished successfully; there are no route sheets yet.',
  },
  'transport.route_plan.no_such_route': {
    'zh-CN': '调度方案中没有第 {route} 条路线（共 {count} 条）。',
    en: 'The plan has no route {route} (it has {count}).',
  },
  'transport.file.unknown_format': {
    'zh-CN': '无法识别文件格式：请上传 Wayline JSON、Solomon .txt 或 CVRPLIB .vrp 文件。',
    en: 'Unknown file format: upload Wayline JSON, a Solomon .txt or a CVRPLIB .vrp file.',
  },
  'transport.file.unreadable': {
    'zh-CN': '无法读取 {format} 文件：{reason}',
    en: 'Could not read the {format} file: {reason}',
  },
  'transport.file.empty': {
    'zh-CN': '文件为空。',
    en: 'The file is empty.',
  },
  'transport.file.invalid_plan': {
    'zh-CN': '文件中的调度数据有误，请查看各字段的说明。',
    en: 'The plan in the file is invalid; see the field issues.',
  },
  'transport.file.too_many_stops': {
    'zh-CN': '文件含 {count} 个站点，超过上限 {max}。',
    en: 'The file has {count} stops, more than the limit of {max}.',
  },
  'transport.file.horizon_too_long': {
    'zh-CN': '文件的时间范围超过 99 小时，无法换算为当日时间。',
    en: 'The file’s time horizon exceeds 99 hours and cannot be mapped to clock times.',
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
