import type { MessageCatalogue } from '../../platform/i18n/i18n';

export const orgMessages: MessageCatalogue = {
  'org.invalid_credentials': { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' },
  'org.account_locked': {
    'zh-CN': '密码错误次数过多，账号已锁定至 {until}；请稍后再试或联系信息技术部解锁。',
    en: 'Too many failed sign-ins; the account is locked until {until}. Try later or ask IT to unlock it.',
  },
  'org.account_disabled': {
    'zh-CN': '账号已停用，请联系信息技术部。',
    en: 'This account is disabled; contact IT.',
  },
  'org.login_rate_limited': {
    'zh-CN': '来自此地址的登录尝试过多，请 {minutes} 分钟后再试。',
    en: 'Too many sign-in attempts from this address; retry in {minutes} minutes.',
  },
  'org.weak_password': {
    'zh-CN': '密码至少 8 位，且须同时包含字母和数字。',
    en: 'Passwords need at least 8 characters with both letters and digits.',
  },
  'org.wrong_current_password': { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' },
  'org.view.name_taken': {
    'zh-CN': '此列表已有名为“{name}”的视图。',
    en: 'This list already has a view named “{name}”.',
  },
  'org.view.too_many': {
    'zh-CN': '每个列表最多保存 {max} 个视图，请先删除不用的。',
    en: 'At most {max} views per list; delete one you no longer use.',
  },
  'org.username_taken': { 'zh-CN': '用户名 {username} 已被使用。', en: 'Username {username} is taken.' },
  'org.unknown_role': { 'zh-CN': '角色 {role} 不存在。', en: 'Role {role} does not exist.' },
  'org.unknown_permission': {
    'zh-CN': '权限 {permission} 不存在。',
    en: 'Permission {permission} does not exist.',
  },
  'org.unknown_department': { 'zh-CN': '部门不存在。', en: 'Department does not exist.' },
  'org.unknown_branch': { 'zh-CN': '分支机构不存在。', en: 'Branch does not exist.' },
  'org.unknown_merchant': { 'zh-CN': '商家不存在。', en: 'Merchant does not exist.' },
  'org.unknown_warehouse': { 'zh-CN': '仓库 {id} 不存在。', en: 'Warehouse {id} does not exist.' },
  'org.merchant_role_needs_merchant': {
    'zh-CN': '商家用户角色必须指定所属商家。',
    en: 'A merchant-portal role requires the user’s merchant.',
  },
  'org.merchant_user_internal_role': {
    'zh-CN': '商家用户不能拥有内部员工角色（{role}）。',
    en: 'A merchant user cannot hold the internal role {role}.',
  },
  'org.warehouse_role_needs_warehouse': {
    'zh-CN': '仓库岗位角色（{role}）须至少分配一个仓库。',
    en: 'The warehouse-scoped role {role} needs at least one assigned warehouse.',
  },
  'org.cannot_lock_self': { 'zh-CN': '不能停用自己的账号。', en: 'You cannot deactivate your own account.' },
  'org.token_scope_exceeds': {
    'zh-CN': '令牌不能拥有您自己没有的权限：{permission}。',
    en: 'A token cannot carry a permission you do not hold: {permission}.',
  },
  'org.role_code_taken': { 'zh-CN': '角色编码 {role} 已存在。', en: 'Role code {role} already exists.' },
  'org.merchant_code_taken': {
    'zh-CN': '商家编码 {code} 已存在。',
    en: 'Merchant code {code} already exists.',
  },
  'org.version_conflict': {
    'zh-CN': '该记录已被他人修改，请刷新后重试。',
    en: 'Someone else changed this record; reload and try again.',
  },
};
