import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../lib/auth-context';

export type DepartmentCode = 'logistics' | 'warehouse' | 'transport' | 'service' | 'it' | 'quality';
type DutyNo = 1 | 2 | 3 | 4 | 5;
const DUTIES: DutyNo[] = [1, 2, 3, 4, 5];

/** The department's five duties from the organisation charter, linked to pages where they exist. */
export function DutiesCard({
  dept,
  links = {},
}: {
  dept: DepartmentCode;
  links?: Partial<Record<DutyNo, { to: string; perm?: string }>>;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Card title={t('home.duties')} className="page-section" data-testid="duties">
      <Flex vertical>
        {DUTIES.map((n) => {
          const link = links[n];
          const usable = link && (!link.perm || can(link.perm));
          const body = (
            <Flex justify="space-between" align="center" gap={8}>
              <div>
                <Typography.Text strong>
                  {n}. {t(`home.${dept}.duty${n}`)}
                </Typography.Text>
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                  {t(`home.${dept}.duty${n}Desc`)}
                </Typography.Paragraph>
              </div>
              {usable ? <RightOutlined style={{ color: '#8c8c8c' }} /> : null}
            </Flex>
          );
          return (
            <div key={n} style={{ padding: '10px 0', borderTop: n > 1 ? '1px solid #f0f0f0' : undefined }}>
              {usable ? (
                <Link to={link.to} style={{ color: 'inherit' }}>
                  {body}
                </Link>
              ) : (
                body
              )}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
