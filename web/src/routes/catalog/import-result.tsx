import { Alert, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api/types';
import type { ImportMode } from './import-flow';

type RowError = ImportResult['errors'][number];

/** Summary numbers and the table of row errors of a validate or commit run. */
export function ImportResultView({ result, mode }: { result: ImportResult; mode: ImportMode }) {
  const { t } = useTranslation();
  const stats =
    mode === 'validate'
      ? (['total', 'valid', 'invalid'] as const)
      : (['total', 'created', 'updated', 'skipped', 'invalid'] as const);
  const colour = (key: string) =>
    key === 'invalid' && result.invalid > 0
      ? '#cf1322'
      : key === 'valid' || key === 'created'
        ? '#389e0d'
        : undefined;

  return (
    <div data-testid="import-result" data-mode={mode}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((key) => (
          <Col key={key} flex="1 1 140px">
            <Statistic
              title={t(`import.summary.${key}`)}
              value={result[key]}
              styles={{ content: { color: colour(key) } }}
              data-testid={`import-stat-${key}`}
            />
          </Col>
        ))}
      </Row>
      {result.errors.length ? (
        <>
          <Typography.Title level={5}>
            {t('import.errorsTitle', { count: result.errors.length })}
          </Typography.Title>
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
            dataSource={result.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="import-errors"
            columns={[
              {
                key: 'row',
                title: t('import.col.row'),
                dataIndex: 'row',
                width: 80,
                sorter: (a, b) => a.row - b.row,
              },
              {
                key: 'field',
                title: t('import.col.field'),
                dataIndex: 'field',
                width: 180,
                render: (v: string) => <span className="mono">{v}</span>,
              },
              {
                key: 'code',
                title: t('import.col.code'),
                dataIndex: 'code',
                width: 180,
                render: (v: string) => (
                  <Typography.Text type="secondary" className="mono">
                    {v}
                  </Typography.Text>
                ),
              },
              { key: 'message', title: t('import.col.message'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : mode === 'validate' ? (
        <Alert type="success" showIcon title={t('import.noErrors')} />
      ) : result.total === 0 ? (
        <Empty />
      ) : null}
    </div>
  );
}
