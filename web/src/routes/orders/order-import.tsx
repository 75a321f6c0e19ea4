import {
  CheckOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  ReloadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Row,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type OrderImportResult, orderTemplateUrl } from '../../api/orders';
import { PageHeader } from '../../components/page-header';
import { useDownload } from '../../lib/use-download';
import { FileDrop } from '../catalog/file-drop';
import { JobProgress } from '../catalog/job-progress';
import { useOrderImportFlow } from './order-import-flow';
import { OrderStatusTag, ReasonTags } from './order-tags';

/** /orders/import — validate an order file as a job, commit it, then watch the allocation job. */
export function OrderImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { download, busy } = useDownload();
  const flow = useOrderImportFlow();
  const { job, mode, validation, result } = flow;
  const step = !flow.file ? 0 : mode === 'validate' && !(validation && flow.finished) ? 1 : 2;
  const working = flow.starting || flow.running;
  return (
    <>
      <PageHeader title={t('orders.importTitle')} subtitle={t('orders.importSubtitle')} backTo="/orders" />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card className="page-section">
            <Steps
              size="small"
              current={step}
              status={job?.status === 'failed' ? 'error' : flow.committed ? 'finish' : 'process'}
              style={{ marginBottom: 24 }}
              items={[
                { title: t('import.stepChoose') },
                { title: t('import.stepValidate') },
                { title: t('import.stepCommit') },
              ]}
            />
            <FileDrop
              file={flow.file}
              onFile={flow.setFile}
              onReject={(reason) => message.error(reason)}
              disabled={working}
            />
            <Flex gap={8} style={{ marginTop: 16 }} wrap>
              <Button
                type={validation ? 'default' : 'primary'}
                icon={<SafetyCertificateOutlined />}
                disabled={!flow.file || working || flow.committed}
                loading={flow.starting && mode === 'validate'}
                onClick={() => void flow.validate()}
                data-testid="order-import-validate"
              >
                {t('import.validate')}
              </Button>
              {validation && flow.finished && !flow.committed ? (
                <>
                  {validation.invalid > 0 ? (
                    <Checkbox
                      checked={flow.skipInvalid}
                      onChange={(e) => flow.setSkipInvalid(e.target.checked)}
                    >
                      {t('import.skipInvalid')}
                    </Checkbox>
                  ) : null}
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    disabled={!flow.canCommit || working}
                    loading={flow.starting && mode === 'commit'}
                    onClick={() => void flow.commit()}
                    data-testid="order-import-commit"
                  >
                    {t('import.commit')}
                  </Button>
                </>
              ) : null}
              {flow.committed ? (
                <Button icon={<ReloadOutlined />} onClick={flow.reset}>
                  {t('import.startAgain')}
                </Button>
              ) : null}
            </Flex>
          </Card>
          {job ? (
            <Card className="page-section" title={t(`import.mode.${mode}`)}>
              <JobProgress job={job} onCancel={() => void flow.cancel()} cancelling={false} />
              {job.status === 'failed' ? (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 16 }}
                  title={t('import.failedTitle')}
                  description={job.error?.message}
                />
              ) : null}
              {result ? <ImportResultView result={result} /> : null}
              {flow.allocationJob ? (
                <div style={{ marginTop: 16 }}>
                  <Typography.Text strong>{t('orders.import.allocating')}</Typography.Text>
                  <JobProgress job={flow.allocationJob} onCancel={() => undefined} cancelling={false} />
                </div>
              ) : null}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('orders.import.templates')}>
            <Typography.Paragraph type="secondary">{t('orders.import.templateHint')}</Typography.Paragraph>
            <Flex vertical gap={8}>
              <Button
                block
                icon={<FileExcelOutlined />}
                loading={busy === orderTemplateUrl('xlsx')}
                onClick={() => void download(orderTemplateUrl('xlsx'), 'order-import-template.xlsx')}
              >
                {t('orders.import.downloadXlsx')}
              </Button>
              <Button
                block
                icon={<FileTextOutlined />}
                loading={busy === orderTemplateUrl('csv')}
                onClick={() => void download(orderTemplateUrl('csv'), 'order-import-template.csv')}
              >
                {t('orders.import.downloadCsv')}
              </Button>
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}

function ImportResultView({ result }: { result: OrderImportResult }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 16 }} data-testid="order-import-result">
      <Alert
        type={result.invalid ? 'warning' : 'success'}
        showIcon
        title={t('orders.import.counts', {
          rows: result.rows,
          orders: result.orders,
          valid: result.valid,
          invalid: result.invalid,
        })}
        description={
          result.committed
            ? t('orders.import.created', {
                created: result.created,
                exceptions: result.exceptions,
                existing: result.existing,
              })
            : undefined
        }
        style={{ marginBottom: 12 }}
      />
      {result.exceptionsByReason.length ? (
        <Space size={[6, 6]} wrap style={{ marginBottom: 12 }}>
          {result.exceptionsByReason.map((r) => (
            <Link key={r.code} to={`/orders/exceptions?reason=${r.code}`}>
              <Tag color="volcano">
                {t(`orders.reason.${r.code}`)} · {r.count}
              </Tag>
            </Link>
          ))}
        </Space>
      ) : null}
      <Tabs
        items={[
          {
            key: 'report',
            label: t('orders.import.report'),
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.externalNo}`}
                dataSource={result.report}
                pagination={{ pageSize: 20 }}
                columns={[
                  { key: 'row', title: t('orders.import.row'), dataIndex: 'row', width: 70 },
                  { key: 'ext', title: t('orders.detail.externalNo'), dataIndex: 'externalNo' },
                  {
                    key: 'result',
                    title: '',
                    render: (_, r) => <Tag>{t(`orders.import.result.${r.result}`)}</Tag>,
                  },
                  {
                    key: 'number',
                    title: t('orders.col.number'),
                    render: (_, r) => <span className="mono">{r.number ?? '—'}</span>,
                  },
                  {
                    key: 'status',
                    title: t('orders.col.status'),
                    render: (_, r) => (r.status ? <OrderStatusTag status={r.status} /> : null),
                  },
                  {
                    key: 'reasons',
                    title: t('orders.col.reasons'),
                    render: (_, r) => <ReasonTags reasons={r.reasons} />,
                  },
                ]}
              />
            ),
          },
          {
            key: 'errors',
            label: `${t('orders.import.errors')} (${result.errors.length}${result.errorsTruncated ? '+' : ''})`,
            children: (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
                dataSource={result.errors}
                pagination={{ pageSize: 20 }}
                columns={[
                  { key: 'row', title: t('orders.import.row'), dataIndex: 'row', width: 70 },
                  { key: 'field', title: t('orders.import.field'), dataIndex: 'field', width: 140 },
                  { key: 'message', title: t('orders.import.message'), dataIndex: 'message' },
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
