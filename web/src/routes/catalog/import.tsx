import { CheckOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Row, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { FileDrop } from './file-drop';
import { useImportFlow } from './import-flow';
import { ImportResultView } from './import-result';
import { ImportTemplates } from './import-templates';
import { JobProgress } from './job-progress';

/** /catalog/import — validate a CSV/Excel file as a job, then commit it as another job. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const flow = useImportFlow();
  const { job, mode, validation } = flow;
  const { committed } = flow;
  const step = !flow.file ? 0 : mode === 'validate' && !(validation && flow.finished) ? 1 : 2;
  const stepStatus = job?.status === 'failed' ? 'error' : committed ? 'finish' : 'process';
  const busy = flow.starting || flow.running;

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} backTo="/catalog/skus" />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card className="page-section">
            <Steps
              size="small"
              current={step}
              status={stepStatus}
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
              disabled={busy}
            />
            <Flex gap={8} style={{ marginTop: 16 }} wrap>
              <Button
                type={validation ? 'default' : 'primary'}
                icon={<SafetyCertificateOutlined />}
                disabled={!flow.file || busy || committed}
                loading={flow.starting && mode === 'validate'}
                onClick={() => void flow.validate()}
                data-testid="import-validate"
              >
                {t('import.validate')}
              </Button>
              {committed ? (
                <Button icon={<ReloadOutlined />} onClick={flow.reset} data-testid="import-again">
                  {t('import.startAgain')}
                </Button>
              ) : null}
            </Flex>
          </Card>

          {job ? (
            <Card className="page-section" title={t(`import.mode.${mode}`)}>
              <JobProgress job={job} onCancel={() => void flow.cancel()} cancelling={flow.cancelling} />
              {job.status === 'failed' ? (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 16 }}
                  title={t('import.failedTitle')}
                  description={job.error?.message}
                />
              ) : null}
              {job.status === 'cancelled' ? (
                <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('import.cancelledTitle')} />
              ) : null}
              {flow.result ? (
                <div style={{ marginTop: 24 }}>
                  <Alert
                    type={flow.result.invalid && mode === 'validate' ? 'warning' : 'success'}
                    showIcon
                    title={mode === 'validate' ? t('import.validatedTitle') : t('import.committedTitle')}
                    style={{ marginBottom: 16 }}
                  />
                  <ImportResultView result={flow.result} mode={mode} />
                </div>
              ) : null}
            </Card>
          ) : null}

          {validation && flow.finished && !committed ? (
            <Card className="page-section" title={t('import.stepCommit')}>
              {validation.invalid > 0 ? (
                <Checkbox
                  checked={flow.skipInvalid}
                  onChange={(e) => flow.setSkipInvalid(e.target.checked)}
                  data-testid="import-skip-invalid"
                >
                  {t('import.skipInvalid')}
                </Checkbox>
              ) : null}
              {validation.valid === 0 ? (
                <Alert type="error" showIcon title={t('import.nothingToImport')} style={{ marginTop: 12 }} />
              ) : validation.invalid > 0 && !flow.skipInvalid ? (
                <Alert type="warning" showIcon title={t('import.commitBlocked')} style={{ marginTop: 12 }} />
              ) : null}
              <Flex justify="flex-end" style={{ marginTop: 16 }}>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={!flow.canCommit || busy}
                  loading={flow.starting}
                  onClick={() => void flow.commit()}
                  data-testid="import-commit"
                >
                  {t('import.commit')}
                </Button>
              </Flex>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={7}>
          <ImportTemplates />
        </Col>
      </Row>
    </>
  );
}
