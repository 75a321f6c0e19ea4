import type { PermissionDef } from '../../platform/http/module';

/** Outbound work: waves and pick lists, picking, packing, the gate. Scoped by the user's warehouses. */
export const outboundPermissions: PermissionDef[] = [
  {
    code: 'warehouse.wave.read',
    nameZh: '查看出库单、波次、拣货单与出门证',
    nameEn: 'View outbound orders, waves, pick lists and gate passes',
    group: 'warehouse',
  },
  {
    code: 'warehouse.wave.write',
    nameZh: '建立、下发、取消与关闭波次，设置承运商截单时间',
    nameEn: 'Create, release, cancel and close waves; set carrier cut-off times',
    group: 'warehouse',
  },
  {
    code: 'warehouse.pick',
    nameZh: '拣货作业（扫描确认、短拣上报）',
    nameEn: 'Pick (scan to confirm, report short picks)',
    group: 'warehouse',
  },
  {
    code: 'warehouse.pack',
    nameZh: '打包作业（装箱、扫描复核、封箱、打印面单）',
    nameEn: 'Pack (cartons, scan check, seal, print waybill labels)',
    group: 'warehouse',
  },
  {
    code: 'warehouse.gate',
    nameZh: '门岗核对与放行（出门证）',
    nameEn: 'Check parcels at the gate and release shipments',
    group: 'warehouse',
  },
  {
    code: 'warehouse.gate.credit',
    nameZh: '授信放行未付款订单',
    nameEn: 'Let unpaid orders leave on credit',
    group: 'warehouse',
  },
];
