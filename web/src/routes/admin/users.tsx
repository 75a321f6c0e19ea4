import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnlockUser, useUpdateUser, useUserPage } from '../../api/org';
import type { User, UserQuery } from '../../api/types';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { useOrgLookups } from './org-lookups';
import { ResetPasswordModal } from './reset-password-modal';
import { type UserActions, userColumns } from './user-columns';
import { UserFormDrawer } from './user-form-drawer';

/** /admin/users — accounts of all departments and merchants. */
export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const org = useOrgLookups();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const pager = useCursorPager(JSON.stringify([q, departmentId]));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const query = useMemo<UserQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(departmentId ? { departmentId } : {}),
    }),
    [pager.pageSize, pager.cursor, q, departmentId],
  );
  const users = useUserPage(query);

  const actions = useMemo<UserActions | null>(() => {
    if (!can(PERM.userWrite)) return null;
    return {
      edit: (u) => setEditing(u),
      resetPassword: (u) => setResetting(u),
      unlock: (u) =>
        unlock.mutate(u.id, {
          onSuccess: () => message.success(t('users.unlocked', { name: u.displayName })),
          onError: (e) => notifyError(e),
        }),
      setActive: (u, active) =>
        update.mutate(
          { id: u.id, body: { active } },
          {
            onSuccess: () =>
              message.success(
                t('users.statusChanged', {
                  name: u.displayName,
                  status: active ? t('common.active') : t('common.inactive'),
                }),
              ),
            onError: (e) => notifyError(e),
          },
        ),
    };
  }, [can, unlock, update, message, t, notifyError]);

  const columns = useMemo(() => userColumns(t, lang, org, actions), [t, lang, org, actions]);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          can(PERM.userWrite) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="user-new"
            >
              {t('users.newUser')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <SearchInput
            value={q}
            onSearch={setQ}
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 300 }}
            data-testid="user-search"
          />
          <Select
            allowClear
            placeholder={t('users.allDepartments')}
            value={departmentId}
            onChange={setDepartmentId}
            style={{ width: 200 }}
            options={org.departments.map((d) => ({
              value: d.id,
              label: lang === 'en' ? d.nameEn : d.nameZh,
            }))}
          />
        </Flex>
        {users.isError && !users.data ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <>
            <Table<User>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={users.data?.items ?? []}
              loading={users.isFetching}
              pagination={false}
              scroll={{ x: 1000 }}
              data-testid="user-table"
              locale={{ emptyText: users.isPending ? ' ' : <Empty description={t('users.emptyTitle')} /> }}
            />
            <CursorPager pager={pager} nextCursor={users.data?.nextCursor} loading={users.isFetching} />
          </>
        )}
      </Card>
      {editing ? (
        <UserFormDrawer
          user={editing === 'new' ? null : editing}
          org={org}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}
