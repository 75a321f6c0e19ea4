import { Card, DatePicker, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditPage } from '../../api/audit';
import type { AuditEntry, AuditQuery } from '../../api/types';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { useCan } from '../../lib/auth-context';
import { shanghaiDayBoundary } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { AuditDiffView } from './audit-diff-view';
import { UserSelect } from './user-select';

interface Filters {
  q: string;
  entity: string;
  action: string;
  actorId?: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

const ACTOR_COLOR = { user: 'blue', token: 'purple', system: 'default' } as const;
type KnownActorKind = keyof typeof ACTOR_COLOR;

/** `actorKind` is an open string in the contract: known kinds get a colour and a label. */
const isKnownActorKind = (kind: string): kind is KnownActorKind => Object.hasOwn(ACTOR_COLOR, kind);

function ActorKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  if (!isKnownActorKind(kind)) return <Tag>{kind}</Tag>;
  return <Tag color={ACTOR_COLOR[kind]}>{t(`audit.actorKind.${kind}`)}</Tag>;
}

/** /admin/audit — who changed what, when; expand a row for the before/after diff. */
export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [f, setF] = useState<Filters>({ q: '', entity: '', action: '', range: null });
  const set = (patch: Partial<Filters>) => setF((prev) => ({ ...prev, ...patch }));
  const pager = useCursorPager(JSON.stringify(f));

  const query = useMemo<AuditQuery>(() => {
    const [from, to] = f.range ?? [null, null];
    return {
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      ...(f.entity.trim() ? { entity: f.entity.trim() } : {}),
      ...(f.action.trim() ? { action: f.action.trim() } : {}),
      ...(f.actorId ? { actorId: f.actorId } : {}),
      ...(from ? { from: shanghaiDayBoundary(from.format('YYYY-MM-DD'), false) } : {}),
      ...(to ? { to: shanghaiDayBoundary(to.format('YYYY-MM-DD'), true) } : {}),
    };
  }, [f, pager.cursor, pager.pageSize]);
  const audit = useAuditPage(query);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <SearchInput
            value={f.q}
            onSearch={(q) => set({ q })}
            placeholder={t('audit.searchPlaceholder')}
            style={{ width: 260 }}
            data-testid="audit-search"
          />
          <SearchInput
            value={f.entity}
            onSearch={(entity) => set({ entity })}
            placeholder={t('audit.entity')}
            style={{ width: 160 }}
            data-testid="audit-entity"
          />
          <SearchInput
            value={f.action}
            onSearch={(action) => set({ action })}
            placeholder={t('audit.action')}
            style={{ width: 160 }}
            data-testid="audit-action"
          />
          {can(PERM.userRead) ? (
            <UserSelect
              value={f.actorId}
              onChange={(actorId) => set({ actorId })}
              placeholder={t('audit.actor')}
              style={{ width: 220 }}
            />
          ) : null}
          <DatePicker.RangePicker
            value={f.range}
            onChange={(range) => set({ range })}
            allowEmpty={[true, true]}
          />
        </Flex>
        {audit.isError && !audit.data ? (
          <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="middle"
              loading={audit.isFetching}
              dataSource={audit.data?.items ?? []}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="audit-table"
              expandable={{ expandedRowRender: (e) => <AuditDiffView entry={e} />, expandRowByClick: true }}
              locale={{ emptyText: audit.isPending ? ' ' : <Empty description={t('audit.emptyTitle')} /> }}
              columns={[
                {
                  key: 'at',
                  title: t('audit.col.at'),
                  width: 150,
                  render: (_, e) => <DateTime value={e.at} />,
                },
                {
                  key: 'actor',
                  title: t('audit.col.actor'),
                  width: 200,
                  render: (_, e) => (
                    <Flex gap={6} align="center">
                      <ActorKindTag kind={e.actorKind} />
                      <Typography.Text ellipsis>{e.actorName}</Typography.Text>
                    </Flex>
                  ),
                },
                {
                  key: 'action',
                  title: t('audit.col.action'),
                  width: 150,
                  render: (_, e) => <Tag className="mono">{e.action}</Tag>,
                },
                {
                  key: 'entity',
                  title: t('audit.col.entity'),
                  width: 160,
                  render: (_, e) => <span className="mono">{e.entity}</span>,
                },
                { key: 'summary', title: t('audit.col.summary'), ellipsis: true, dataIndex: 'summary' },
              ]}
            />
            <CursorPager pager={pager} nextCursor={audit.data?.nextCursor} loading={audit.isFetching} />
          </>
        )}
      </Card>
    </>
  );
}
