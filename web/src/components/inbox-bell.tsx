import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, List, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type InboxItem, useInbox, useInboxSummary, useMarkAllRead, useMarkRead } from '../api/inbox';
import { formatDateTime } from '../lib/format';
import { useNotifyError } from '../lib/use-notify-error';

const SEVERITY_COLOR: Record<InboxItem['severity'], string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

/** The header's bell: unread notices (alerts to act on); a click opens the one concerned. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(true);
  const summary = useInboxSummary();
  const inbox = useInbox(unreadOnly, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = summary.data?.unread ?? 0;

  const openItem = async (item: InboxItem) => {
    try {
      if (!item.readAt) await markRead.mutateAsync(item.id);
    } catch (error) {
      notifyError(error);
    }
    if (item.link) {
      setOpen(false);
      navigate(item.link);
    }
  };

  return (
    <>
      <Badge count={unread} size="small" color={summary.data?.critical ? 'red' : 'orange'} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('inbox.bell')}
          onClick={() => setOpen(true)}
          data-testid="inbox-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('inbox.title')}
        width={420}
        extra={
          <Button
            size="small"
            disabled={!unread}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (e) => notifyError(e) })}
            data-testid="inbox-read-all"
          >
            {t('inbox.markAllRead')}
          </Button>
        }
      >
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
          <Typography.Text>{t('inbox.unreadOnly')}</Typography.Text>
        </Flex>
        <List<InboxItem>
          loading={inbox.isFetching && !items.length}
          dataSource={items}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}
              />
            ),
          }}
          data-testid="inbox-list"
          renderItem={(item) => (
            <List.Item
              style={{ cursor: item.link ? 'pointer' : undefined, opacity: item.readAt ? 0.65 : 1 }}
              onClick={() => void openItem(item)}
              data-testid="inbox-item"
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} align="center">
                    <Tag color={SEVERITY_COLOR[item.severity]} style={{ marginInlineEnd: 0 }}>
                      {t(`inbox.severity.${item.severity}`)}
                    </Tag>
                    <Typography.Text strong={!item.readAt} ellipsis>
                      {item.title}
                    </Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    <div>{item.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {inbox.hasNextPage ? (
          <Button block onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            {t('inbox.loadMore')}
          </Button>
        ) : null}
      </Drawer>
    </>
  );
}
