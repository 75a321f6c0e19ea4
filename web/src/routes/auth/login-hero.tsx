import { CarOutlined, DatabaseOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoginHero() {
  const { t } = useTranslation();
  const features = [
    { icon: <DatabaseOutlined />, text: t('auth.featureWarehouse') },
    { icon: <CarOutlined />, text: t('auth.featureTransport') },
    { icon: <SafetyCertificateOutlined />, text: t('auth.featureQuality') },
  ];
  return (
    <div className="login-hero">
      <Flex align="center" gap={12} style={{ marginBottom: 40 }}>
        <img src="/favicon.svg" alt="" width={44} height={44} />
        <span style={{ fontSize: 28, fontWeight: 600 }}>{t('common.appName')}</span>
      </Flex>
      <Typography.Title level={2} style={{ color: '#fff', maxWidth: 520, marginTop: 0 }}>
        {t('auth.subtitle')}
      </Typography.Title>
      <Flex vertical gap={16} style={{ marginTop: 24 }}>
        {features.map((f) => (
          <Flex
            key={f.text}
            gap={12}
            align="center"
            style={{ fontSize: 16, color: 'rgba(255,255,255,0.85)' }}
          >
            <span style={{ fontSize: 20 }}>{f.icon}</span>
            {f.text}
          </Flex>
        ))}
      </Flex>
    </div>
  );
}
