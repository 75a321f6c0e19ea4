import type { zhCNInbox } from './zh-CN.inbox';

/** English: the header's inbox of notices (alerts to act on and the like). */
export const enInbox: typeof zhCNInbox = {
  inbox: {
    bell: 'Notifications',
    title: 'My notifications',
    unreadOnly: 'Unread only',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    open: 'Open',
    empty: 'No notifications',
    emptyUnread: 'No unread notifications',
    loadMore: 'Load more',
    severity: { critical: 'Critical', warning: 'Warning', info: 'Info' },
  },
};
