import 'i18next';
import type { Messages } from './zh-CN';

/** Type-checked translation keys: `t('catalog.listTitle')` compiles, a typo does not. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
