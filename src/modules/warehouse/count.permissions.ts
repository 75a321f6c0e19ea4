import type { PermissionDef } from '../../platform/http/module';

/** Counts (盘点): counters never see book quantities; reviewers and planners do. */
export const countPermissions: PermissionDef[] = [
  {
    code: 'warehouse.count.execute',
    nameZh: '执行盘点（盲盘）',
    nameEn: 'Count bins (blind)',
    group: 'warehouse',
  },
  {
    code: 'warehouse.count.read',
    nameZh: '查看盘点单、差异与库存准确率',
    nameEn: 'View counts, variances and inventory accuracy',
    group: 'warehouse',
  },
  {
    code: 'warehouse.count.plan',
    nameZh: '制定盘点计划、发起全盘、过账盘点差异',
    nameEn: 'Plan counts, start full counts, post count variances',
    group: 'warehouse',
  },
  {
    code: 'warehouse.count.approve',
    nameZh: '审批超阈值盘点差异、要求复盘',
    nameEn: 'Approve variances over the threshold, order recounts',
    group: 'warehouse',
  },
];
