/** 简体中文：列表的已保存视图。 */
export const zhCNViews = {
  views: {
    placeholder: '已保存视图',
    save: '保存视图',
    saveTitle: '保存当前筛选为视图',
    name: '名称',
    nameRequired: '请输入名称',
    shared: '共享给所有人',
    sharedBy: '{{name}} 共享',
    saved: '视图已保存',
    deleted: '视图已删除',
    delete: '删除视图',
  },
};
