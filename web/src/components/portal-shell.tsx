import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';

/**
 * The frame of the public consumer pages (tracking, returns): no login, a narrow column that fits
 * a phone, the page title with a link to the sibling page and the language switch.
 */
export function PortalShell({
  title,
  link,
  children,
}: {
  title: ReactNode;
  link: ReactNode;
  children: ReactNode;
}) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa', padding: '24px 16px' }}>
      <div style={{ maxWidth: 760, margin: '0 auto' }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Space size={12} wrap>
            {link}
            <LanguageSwitch type="default" />
          </Space>
        </Flex>
        {children}
      </div>
    </div>
  );
}
