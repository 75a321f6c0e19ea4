import { type Trx, tablesOf } from '../../platform/db';
import { newId } from '../../platform/lib/ids';
import type { OrgTables } from './org.tables';
import { hashPassword } from './password.service';

/** R-ORG-1: the six departments with their duties from seed 000 §二. Always present, demo or not. */
const DEPARTMENTS = [
  [
    'logistics',
    '物流管理部',
    'Logistics management',
    '物流战略制定、流程优化、绩效评估、供应链协调、预算管理',
    'Logistics strategy, process improvement, performance evaluation, supply-chain coordination, budget',
  ],
  [
    'warehouse',
    '仓储管理部',
    'Warehousing',
    '库存管理、入库与出库、分拣与打包、仓库维护、安全管理',
    'Inventory, inbound and outbound, picking and packing, upkeep, safety',
  ],
  [
    'transport',
    '运输部',
    'Transport',
    '运输安排、运输监控、司机管理、运输成本控制、事故处理',
    'Transport arrangement, monitoring, drivers, cost control, incidents',
  ],
  [
    'service',
    '客服部',
    'Customer service',
    '客户咨询、投诉处理、信息反馈、售后服务、客户关系维护',
    'Inquiries, complaints, feedback, after-sales, customer relations',
  ],
  [
    'it',
    '信息技术部',
    'IT',
    '系统开发与维护、数据管理、技术支持、信息安全、新技术应用',
    'Systems, data, support, information security, new technology',
  ],
  [
    'quality',
    '质量管理部',
    'Quality',
    '质量标准制定、质量监控、服务评估、投诉分析、培训与指导',
    'Quality standards, monitoring, service evaluation, complaint analysis, training',
  ],
] as const;

export async function seedDepartments(trx: Trx): Promise<void> {
  const org = tablesOf<OrgTables>(trx);
  await org
    .insertInto('org.department')
    .values(
      DEPARTMENTS.map(([code, name_zh, name_en, duties_zh, duties_en], sort) => ({
        id: newId(),
        code,
        name_zh,
        name_en,
        duties_zh,
        duties_en,
        sort,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export const DEMO_PASSWORD = 'Wayline2026';

const BRANCHES = [
  ['HQ-SH', '上海总部', 'Shanghai headquarters', '上海', true],
  ['BR-BJ', '北京分公司', 'Beijing branch', '北京', false],
  ['BR-GZ', '广州分公司', 'Guangzhou branch', '广州', false],
] as const;

const MERCHANTS = [
  ['FRESH', '鲜丰生鲜', 'Xianfeng Fresh', '周婷', '13812345678'],
  ['HOME', '优品家居', 'Youpin Home', '孙浩', '13987654321'],
] as const;

/** [username, display name, department, branch, roles, warehouse codes, merchant code, role label zh, en] */
const DEMO_USERS: Array<[string, string, string | null, string, string[], string[], string | null]> = [
  ['admin', '王磊', 'it', 'HQ-SH', ['it_admin'], [], null],
  ['logistics', '陈静', 'logistics', 'HQ-SH', ['logistics_manager'], [], null],
  ['buyer', '刘洋', 'logistics', 'HQ-SH', ['procurement_officer'], [], null],
  ['finance', '赵敏', 'logistics', 'HQ-SH', ['finance_approver'], [], null],
  ['whmanager', '李强', 'warehouse', 'HQ-SH', ['warehouse_manager'], ['WH-SH'], null],
  ['clerk', '张伟', 'warehouse', 'HQ-SH', ['warehouse_clerk'], ['WH-SH'], null],
  ['clerk.bj', '黄丽', 'warehouse', 'BR-BJ', ['warehouse_clerk'], ['WH-BJ'], null],
  ['dispatcher', '吴刚', 'transport', 'HQ-SH', ['dispatcher'], [], null],
  ['driver', '郑军', 'transport', 'HQ-SH', ['driver'], [], null],
  ['agent', '林芳', 'service', 'BR-GZ', ['cs_agent'], [], null],
  ['branchmgr', '何勇', 'service', 'BR-GZ', ['branch_manager'], [], null],
  ['cssupervisor', '马丽', 'service', 'HQ-SH', ['cs_supervisor'], [], null],
  ['quality', '徐明', 'quality', 'HQ-SH', ['quality_analyst'], [], null],
  ['fresh', '周婷', null, 'HQ-SH', ['merchant_user'], [], 'FRESH'],
  ['home', '孙浩', null, 'HQ-SH', ['merchant_user'], [], 'HOME'],
];

export interface DemoOrg {
  merchants: Array<{ id: string; code: string }>;
  branches: Record<string, string>;
  users: Array<{ username: string; password: string; roleZh: string; roleEn: string }>;
}

/** Branches and merchants of the demo company. Idempotent. */
export async function seedDemoStructure(trx: Trx): Promise<Omit<DemoOrg, 'users'>> {
  const org = tablesOf<OrgTables>(trx);
  await org
    .insertInto('org.branch')
    .values(
      BRANCHES.map(([code, name_zh, name_en, city, is_hq]) => ({
        id: newId(),
        code,
        name_zh,
        name_en,
        city,
        is_hq,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await org
    .insertInto('org.merchant')
    .values(
      MERCHANTS.map(([code, name, name_en, contact_name, contact_phone]) => ({
        id: newId(),
        code,
        name,
        name_en,
        contact_name,
        contact_phone,
        active: true,
        created_at: new Date(),
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const branches = await org.selectFrom('org.branch').select(['id', 'code']).execute();
  const merchants = await org
    .selectFrom('org.merchant')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      MERCHANTS.map((m) => m[0]),
    )
    .execute();
  return { merchants, branches: Object.fromEntries(branches.map((b) => [b.code, b.id])) };
}

/** Users for every role; warehouse codes are resolved by the caller (warehouses belong to inventory). */
export async function seedDemoUsers(
  trx: Trx,
  warehouseIdByCode: Record<string, string>,
  now: Date,
): Promise<DemoOrg['users']> {
  const org = tablesOf<OrgTables>(trx);
  const [departments, branches, merchants, roles] = await Promise.all([
    org.selectFrom('org.department').select(['id', 'code']).execute(),
    org.selectFrom('org.branch').select(['id', 'code']).execute(),
    org.selectFrom('org.merchant').select(['id', 'code']).execute(),
    org.selectFrom('org.role').select(['code', 'name_zh', 'name_en']).execute(),
  ]);
  const idOf = (rows: Array<{ id: string; code: string }>, code: string | null) =>
    code ? (rows.find((r) => r.code === code)?.id ?? null) : null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [username, displayName, dept, branch, roleCodes, warehouses, merchant] of DEMO_USERS) {
    const exists = await org
      .selectFrom('org.user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (exists) continue;
    const id = newId();
    await org
      .insertInto('org.user')
      .values({
        id,
        username,
        display_name: displayName,
        email: `${username}@wayline.demo`,
        phone: null,
        password_hash: passwordHash,
        department_id: idOf(departments, dept),
        branch_id: idOf(branches, branch),
        merchant_id: idOf(merchants, merchant),
        locale: 'zh-CN',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await org
      .insertInto('org.user_role')
      .values(roleCodes.map((role_code) => ({ user_id: id, role_code })))
      .execute();
    const warehouseIds = warehouses.map((code) => warehouseIdByCode[code]).filter(Boolean);
    if (warehouseIds.length) {
      await org
        .insertInto('org.user_warehouse')
        .values(warehouseIds.map((warehouse_id) => ({ user_id: id, warehouse_id })))
        .execute();
    }
  }
  return DEMO_USERS.map(([username, , , , roleCodes]) => {
    const role = roles.find((r) => r.code === roleCodes[0]);
    return {
      username,
      password: DEMO_PASSWORD,
      roleZh: role?.name_zh ?? roleCodes[0],
      roleEn: role?.name_en ?? roleCodes[0],
    };
  });
}
