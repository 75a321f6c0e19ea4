import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens } from '../../api/org';
import type { ApiToken } from '../../api/types';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useNotifyError } from '../../lib/use-notify-error';
import { TokenCreateModal } from './token-create-modal';

const expired = (tk: ApiToken) => Boolean(tk.expiresAt && new Date(tk.expiresAt).getTime() < Date.now());

/** /admin/tokens — API tokens for integrations. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-new"
          >
            {t('tokens.newToken')}
          </Button>
        }
      />
      <Card>
        {tokens.isError ? (
          <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : (
          <Table<ApiToken>
            rowKey="id"
            loading={tokens.isPending}
            dataSource={tokens.data ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="token-table"
            locale={{ emptyText: <Empty description={t('tokens.emptyTitle')} /> }}
            columns={[
              { key: 'name', title: t('tokens.col.name'), dataIndex: 'name' },
              {
                key: 'prefix',
                title: t('tokens.col.prefix'),
                dataIndex: 'prefix',
                width: 140,
                render: (v: string) => <span className="mono">{v}…</span>,
              },
              {
                key: 'permissions',
                title: t('tokens.col.permissions'),
                render: (_, tk) => (
                  <Flex wrap gap={4}>
                    {tk.permissions.slice(0, 3).map((p) => (
                      <Tag key={p} className="mono" style={{ marginInlineEnd: 0 }}>
                        {p}
                      </Tag>
                    ))}
                    {tk.permissions.length > 3 ? (
                      <Tooltip title={tk.permissions.slice(3).join(', ')}>
                        <Tag>+{tk.permissions.length - 3}</Tag>
                      </Tooltip>
                    ) : null}
                  </Flex>
                ),
              },
              {
                key: 'expiresAt',
                title: t('tokens.col.expiresAt'),
                width: 170,
                render: (_, tk) => (
                  <>
                    <DateTime value={tk.expiresAt} empty={t('tokens.never')} />
                    {expired(tk) ? (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        {t('tokens.expired')}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'lastUsedAt',
                title: t('tokens.col.lastUsedAt'),
                width: 150,
                render: (_, tk) => <DateTime value={tk.lastUsedAt} empty={t('tokens.unused')} />,
              },
              {
                key: 'createdAt',
                title: t('tokens.col.createdAt'),
                width: 150,
                render: (_, tk) => <DateTime value={tk.createdAt} />,
              },
              {
                key: 'actions',
                title: t('common.actions'),
                width: 90,
                fixed: 'right',
                render: (_, tk) => (
                  <Popconfirm
                    title={t('tokens.revokeConfirm')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      revoke.mutateAsync(tk.id).then(
                        () => void message.success(t('tokens.revoked', { name: tk.name })),
                        (e) => notifyError(e),
                      )
                    }
                  >
                    <Button type="link" size="small" danger>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
      {creating ? <TokenCreateModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
