import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../i18n';

/** Language menu; the choice is remembered in localStorage and server data is refetched in it. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [i18n.language],
        items: LANGUAGES.map((lang) => ({ key: lang, label: t(`language.${lang}`) })),
        onClick: async ({ key }) => {
          if (!isLanguage(key) || key === i18n.language) return;
          await changeLanguage(key);
          // Messages, problem details and summaries come back in the new language.
          void queryClient.invalidateQueries();
        },
      }}
    >
      <Button
        type={type}
        icon={<GlobalOutlined />}
        aria-label={t('language.label')}
        data-testid="language-switch"
      >
        {isLanguage(i18n.language) ? t(`language.${i18n.language}`) : i18n.language}
      </Button>
    </Dropdown>
  );
}
