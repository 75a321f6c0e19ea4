import { Button, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meta } from '../../api/types';

type DemoUser = NonNullable<Meta['demoUsers']>[number];

/** Demo logins, shown only when the server runs in demo mode. */
export function DemoAccounts({ users, onPick }: { users: DemoUser[]; onPick: (user: DemoUser) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Collapse
      style={{ marginTop: 24 }}
      size="small"
      data-testid="demo-accounts"
      items={[
        {
          key: 'demo',
          label: t('auth.demoTitle'),
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                {t('auth.demoHint')}
              </Typography.Paragraph>
              <Flex vertical>
                {users.map((u) => (
                  <Flex
                    key={u.username}
                    justify="space-between"
                    align="center"
                    gap={8}
                    style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}
                  >
                    <div style={{ minWidth: 0 }}>
                      <div className="mono">{u.username}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i18n.language === 'en' ? u.roleEn : u.roleZh} ·{' '}
                        <span className="mono">{u.password}</span>
                      </Typography.Text>
                    </div>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => onPick(u)}
                      data-testid={`demo-use-${u.username}`}
                    >
                      {t('auth.demoUse')}
                    </Button>
                  </Flex>
                ))}
              </Flex>
            </>
          ),
        },
      ]}
    />
  );
}
