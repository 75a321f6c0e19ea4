import { Descriptions, Empty, Flex, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { type DiffRow, diffSnapshots, showValue } from './audit-diff';

/** Expanded audit row: ids, then the before/after table with changed fields highlighted. */
export function AuditDiffView({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(true);
  const rows = useMemo(() => diffSnapshots(entry.before, entry.after), [entry.before, entry.after]);
  const visible = changedOnly ? rows.filter((r) => r.changed) : rows;

  return (
    <div style={{ padding: '4px 8px' }} data-testid="audit-diff">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'entityId',
              label: t('audit.entityId'),
              children: <span className="mono">{entry.entityId ?? '—'}</span>,
            },
            {
              key: 'requestId',
              label: t('audit.requestId'),
              children: <span className="mono">{entry.requestId ?? '—'}</span>,
            },
          ]}
        />
        <Flex gap={8} align="center">
          <Switch size="small" checked={changedOnly} onChange={setChangedOnly} />
          <Typography.Text type="secondary">{t('audit.changedOnly')}</Typography.Text>
        </Flex>
      </Flex>
      {visible.length ? (
        <Table<DiffRow>
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          dataSource={visible}
          rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
          columns={[
            {
              key: 'field',
              title: t('audit.field'),
              dataIndex: 'key',
              width: 200,
              render: (v: string) => <span className="mono">{v || '—'}</span>,
            },
            {
              key: 'before',
              title: t('audit.before'),
              render: (_, r) => (
                <pre
                  className="diff-value"
                  style={
                    r.changed
                      ? {
                          color: '#cf1322',
                          textDecoration: r.after === undefined ? 'line-through' : undefined,
                        }
                      : undefined
                  }
                >
                  {showValue(r.before)}
                </pre>
              ),
            },
            {
              key: 'after',
              title: t('audit.after'),
              render: (_, r) => (
                <pre
                  className="diff-value"
                  style={r.changed ? { color: '#389e0d', fontWeight: 500 } : undefined}
                >
                  {showValue(r.after)}
                </pre>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noDiff')} />
      )}
    </div>
  );
}
