/** 简体中文：顶栏的消息提醒（需要处理的预警等）。 */
export const zhCNInbox = {
  inbox: {
    bell: '消息提醒',
    title: '我的消息',
    unreadOnly: '只看未读',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    open: '去处理',
    empty: '没有消息',
    emptyUnread: '没有未读消息',
    loadMore: '加载更多',
    severity: { critical: '紧急', warning: '警告', info: '提示' },
  },
};
