import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons on the right. */
  extra?: ReactNode;
  /** Where the back arrow leads; no arrow when absent. */
  backTo?: string;
  /** Tags or status next to the title. */
  tags?: ReactNode;
}

export function PageHeader({ title, subtitle, extra, backTo, tags }: PageHeaderProps) {
  const navigate = useNavigate();
  useDocumentTitle(typeof title === 'string' ? title : null);
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" gap={16} wrap>
      <Flex gap={12} align="flex-start" style={{ minWidth: 0, flex: '1 1 320px' }}>
        {backTo ? (
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(backTo)}
            style={{ marginTop: 2 }}
            aria-label="back"
          />
        ) : null}
        <div style={{ minWidth: 0 }}>
          <Space size={12} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {tags}
          </Space>
          {subtitle ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {subtitle}
            </Typography.Paragraph>
          ) : null}
        </div>
      </Flex>
      {extra ? (
        <Space wrap size={8}>
          {extra}
        </Space>
      ) : null}
    </Flex>
  );
}
