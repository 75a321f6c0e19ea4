import type { PermissionDef } from '../../platform/http/module';

/** ABC classification, re-slotting and the bin map. */
export const slottingPermissions: PermissionDef[] = [
  {
    code: 'warehouse.slotting.read',
    nameZh: '查看ABC分类、货位优化建议与库位图',
    nameEn: 'View ABC classes, re-slot suggestions and the bin map',
    group: 'warehouse',
  },
  {
    code: 'warehouse.slotting.manage',
    nameZh: '计算ABC分类、采纳货位优化建议',
    nameEn: 'Compute ABC classes, accept re-slot suggestions',
    group: 'warehouse',
  },
  {
    code: 'warehouse.slotting.move',
    nameZh: '执行移库任务（扫码）',
    nameEn: 'Do re-slot moves (by scanning)',
    group: 'warehouse',
  },
];
