import type { PermissionDef } from '../../platform/http/module';

/** Permissions of expiry, cold chain, quality holds and incidents (part of `inventoryPermissions`). */
export const coldChainPermissions: PermissionDef[] = [
  {
    code: 'inventory.expiry.run',
    nameZh: '手动执行过期检查（过期库存转隔离）',
    nameEn: 'Run the expiry check (expired stock to quarantine)',
    group: 'warehouse',
  },
  {
    code: 'inventory.coldchain.read',
    nameZh: '查看温度记录、温度异常、告警与质量冻结',
    nameEn: 'View temperatures, excursions, alerts and quality holds',
    group: 'warehouse',
  },
  {
    code: 'inventory.coldchain.record',
    nameZh: '录入温度读数（传感器或人工）',
    nameEn: 'Record temperature readings (sensor or by hand)',
    group: 'warehouse',
  },
  {
    code: 'inventory.coldchain.manage',
    nameZh: '设置温度异常规则',
    nameEn: 'Set temperature excursion rules',
    group: 'warehouse',
  },
  {
    code: 'inventory.alert.ack',
    nameZh: '确认仓库告警',
    nameEn: 'Acknowledge warehouse alerts',
    group: 'warehouse',
  },
  {
    code: 'inventory.quality_hold.release',
    nameZh: '质量复核：解冻、转残损或报废',
    nameEn: 'Quality review: release held stock, mark damaged or scrap',
    group: 'quality',
  },
  {
    code: 'inventory.incident.read',
    nameZh: '查看安全事件',
    nameEn: 'View safety incidents',
    group: 'warehouse',
  },
  {
    code: 'inventory.incident.write',
    nameZh: '登记安全事件（破损、丢失、被盗、火灾）',
    nameEn: 'Record safety incidents (damage, loss, theft, fire)',
    group: 'warehouse',
  },
  {
    code: 'inventory.incident.post',
    nameZh: '过账安全事件（核销库存）',
    nameEn: 'Post safety incidents (write off stock)',
    group: 'warehouse',
  },
];
