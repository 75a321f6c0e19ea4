import type { zhCNViews } from './zh-CN.views';

/** English: saved views of lists. */
export const enViews: typeof zhCNViews = {
  views: {
    placeholder: 'Saved views',
    save: 'Save view',
    saveTitle: 'Save the current filters as a view',
    name: 'Name',
    nameRequired: 'Enter a name',
    shared: 'Share with everyone',
    sharedBy: 'shared by {{name}}',
    saved: 'View saved',
    deleted: 'View deleted',
    delete: 'Delete view',
  },
};
