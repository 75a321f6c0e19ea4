import { Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth-context';
import { formatLongDate, shanghaiHour } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useLang, useLocalName } from '../../lib/use-localized';

/** Greeting, date (Asia/Shanghai), the department's mission and the user's roles. */
export function HomeHero({ title, subtitle }: { title: string; subtitle: string }) {
  const me = useMe();
  const { t } = useTranslation();
  const lang = useLang();
  const name = useLocalName();
  const now = useMemo(() => new Date(), []);
  useDocumentTitle(title);
  const hour = shanghaiHour(now);
  const greetingKey =
    hour < 12 ? 'home.greetingMorning' : hour < 18 ? 'home.greetingAfternoon' : 'home.greetingEvening';

  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16, background: 'linear-gradient(120deg, #f0f5ff 0%, #ffffff 70%)' }}
      data-testid="home-hero"
    >
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{t(greetingKey, { name: me.displayName })}</Typography.Text>
          <Typography.Title level={3} style={{ margin: '4px 0' }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, maxWidth: 720 }}>
            {subtitle}
          </Typography.Paragraph>
        </div>
        <Flex vertical align="flex-end" gap={8}>
          <Typography.Text type="secondary">
            {t('home.today', { date: formatLongDate(now, lang) })}
          </Typography.Text>
          <Flex wrap gap={4} justify="flex-end">
            {me.roles.map((r) => (
              <Tag key={r.code} color="blue" style={{ marginInlineEnd: 0 }}>
                {name(r)}
              </Tag>
            ))}
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}
