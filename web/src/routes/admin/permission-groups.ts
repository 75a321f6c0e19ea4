import type { TFunction } from 'i18next';
import type { Permission } from '../../api/types';
import type { Messages } from '../../i18n/zh-CN';

type KnownGroup = keyof Messages['roles']['group'];

export function groupLabel(t: TFunction, group: string): string {
  const known: KnownGroup[] = [
    'logistics',
    'warehouse',
    'transport',
    'service',
    'it',
    'quality',
    'catalog',
    'org',
    'audit',
    'inventory',
    'other',
  ];
  return (known as string[]).includes(group) ? t(`roles.group.${group as KnownGroup}`) : group;
}

/** Permissions grouped by `group`, groups and codes in a stable order. */
export function groupPermissions(permissions: Permission[]): { group: string; items: Permission[] }[] {
  const groups = new Map<string, Permission[]>();
  for (const p of permissions) {
    const list = groups.get(p.group) ?? [];
    list.push(p);
    groups.set(p.group, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, items]) => ({ group, items: items.sort((a, b) => a.code.localeCompare(b.code)) }));
}
