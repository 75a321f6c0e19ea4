import { DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogExportUrl, catalogTemplateUrl, type FileFormat } from '../../api/catalog';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useDownload } from '../../lib/use-download';

/** Side card: blank templates and a full export (which doubles as a template with data). */
export function ImportTemplates() {
  const { t } = useTranslation();
  const can = useCan();
  const { download, busy } = useDownload();
  const button = (url: string, name: string, label: string, format: FileFormat, testId: string) => (
    <Button
      block
      icon={format === 'xlsx' ? <FileExcelOutlined /> : <FileTextOutlined />}
      loading={busy === url}
      onClick={() => void download(url, name)}
      data-testid={testId}
      style={{ justifyContent: 'flex-start' }}
    >
      {label}
    </Button>
  );
  return (
    <Card title={t('import.templates')} extra={<DownloadOutlined />}>
      <Flex vertical gap={8}>
        {button(
          catalogTemplateUrl('xlsx'),
          'sku-template.xlsx',
          t('import.templateXlsx'),
          'xlsx',
          'template-xlsx',
        )}
        {button(
          catalogTemplateUrl('csv'),
          'sku-template.csv',
          t('import.templateCsv'),
          'csv',
          'template-csv',
        )}
      </Flex>
      {can(PERM.skuRead) ? (
        <>
          <Divider style={{ margin: '16px 0 12px' }} />
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('import.exportAll')}
          </Typography.Text>
          <Flex vertical gap={8}>
            {button(catalogExportUrl('xlsx'), 'skus.xlsx', t('import.exportXlsx'), 'xlsx', 'export-xlsx')}
            {button(catalogExportUrl('csv'), 'skus.csv', t('import.exportCsv'), 'csv', 'export-csv')}
          </Flex>
        </>
      ) : null}
    </Card>
  );
}
