import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CursorPager as Pager } from '../lib/use-cursor-pager';

const SIZES = [10, 20, 50, 100];

/** Previous / next for cursor-paginated lists (the server gives no total, by design). */
export function CursorPager({
  pager,
  nextCursor,
  loading,
}: {
  pager: Pager;
  nextCursor?: string | null;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 16 }} wrap>
      <Typography.Text type="secondary">{t('common.pageN', { page: pager.page + 1 })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={pager.page === 0 || loading} onClick={pager.previous}>
        {t('common.previous')}
      </Button>
      <Button disabled={!nextCursor || loading} onClick={() => pager.next(nextCursor)}>
        {t('common.next')} <RightOutlined />
      </Button>
      <Select
        value={pager.pageSize}
        onChange={pager.setPageSize}
        style={{ width: 120 }}
        options={SIZES.map((size) => ({ value: size, label: t('common.perPage', { size }) }))}
      />
    </Flex>
  );
}
