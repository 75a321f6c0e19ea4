import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelJob, isFinished, useJob } from '../../api/jobs';
import { useWarehouses } from '../../api/org';
import type { PlanningAlert, RunJobResult, SuggestionStatus } from '../../api/planning';
import type { Job, Warehouse } from '../../api/types';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { JobProgress } from '../catalog/job-progress';

/** Pieces every planning page uses: number formats, trust and status tags, running jobs. */

const qty = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatUnits = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : qty.format(n);
export const formatPct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
export const formatNum = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

export type Trust = 'good' | 'fair' | 'poor' | 'unknown';
/** How far to trust a forecast, from its backtest WAPE (see docs/guide/planning.md). */
export function trustOf(wape: number | null | undefined): Trust {
  if (wape === null || wape === undefined) return 'unknown';
  return wape < 0.25 ? 'good' : wape < 0.5 ? 'fair' : 'poor';
}
const TRUST_COLOR: Record<Trust, string> = { good: 'green', fair: 'gold', poor: 'red', unknown: 'default' };

export function TrustTag({ wape, mase }: { wape: number | null | undefined; mase?: number | null }) {
  const { t } = useTranslation();
  const trust = trustOf(wape);
  return (
    <Tooltip title={t('planning.trust.help')}>
      <Tag color={TRUST_COLOR[trust]} data-testid="trust-tag" data-trust={trust}>
        {t(`planning.trust.${trust}`)}
        {wape !== null && wape !== undefined ? ` · ${formatPct(wape, 0)}` : ''}
        {mase !== null && mase !== undefined ? ` · ${formatNum(mase)}` : ''}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLOR: Record<SuggestionStatus, string> = {
  proposed: 'processing',
  accepted: 'blue',
  exported: 'purple',
  closed: 'success',
  rejected: 'default',
  cancelled: 'default',
  superseded: 'default',
};
export function SuggestionStatusTag({ status }: { status: SuggestionStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`planning.suggestions.status.${status}`)}</Tag>;
}

const SEVERITY_COLOR: Record<PlanningAlert['severity'], string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};
export function SeverityTag({ severity }: { severity: PlanningAlert['severity'] }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`planning.alerts.severity.${severity}`)}</Tag>;
}

/** Warehouses by id, with a label (`WH-SH · 上海嘉定仓`). */
export function useWarehouseLabels() {
  const can = useCan();
  const lang = useLang();
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  return useMemo(() => {
    const byId = new Map<string, Warehouse>((warehouses.data ?? []).map((w) => [w.id, w]));
    const label = (id: string) => {
      const w = byId.get(id);
      return w ? `${w.code} · ${localName(w, lang)}` : id.slice(0, 8);
    };
    return { list: warehouses.data ?? [], byId, label };
  }, [warehouses.data, lang]);
}

/**
 * A planning job started from a page: polls it, shows its progress, reports how it ended and
 * refreshes the planning queries when it succeeds.
 */
export function usePlanningJob() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState<Job | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const polled = useJob(started?.id ?? null, started ?? undefined);
  const job = polled.data ?? started;
  const finished = isFinished(job ?? undefined);

  useEffect(() => {
    if (job?.status !== 'succeeded') return;
    void queryClient.invalidateQueries({ queryKey: ['planning'] });
    const result = job.result as RunJobResult | { review: RunJobResult['review'] } | null;
    if (result && 'run' in result) {
      const run = result.run;
      if (run.kind === 'forecast')
        message.success(
          t('planning.job.forecastDone', {
            series: run.forecast,
            ms: run.msPer1000 ?? '—',
            suggestions: result.review?.suggestions.created ?? 0,
            alerts: result.review?.alerts.raised ?? 0,
          }),
        );
      else
        message.success(
          t('planning.job.backtestDone', {
            series: run.forecast,
            wape: formatPct(run.overall?.wape),
            mase: formatNum(run.overall?.mase),
          }),
        );
    }
  }, [job?.status, job?.result, queryClient, message, t]);

  const start = useCallback(
    async (run: () => Promise<Job>, startedText: string) => {
      try {
        setStarted(await run());
        message.info(startedText);
      } catch (error) {
        notifyError(error);
      }
    },
    [message, notifyError],
  );

  const cancel = useCallback(async () => {
    if (!job) return;
    setCancelling(true);
    try {
      queryClient.setQueryData(['jobs', job.id], await cancelJob(job.id));
    } catch (error) {
      notifyError(error);
    } finally {
      setCancelling(false);
    }
  }, [job, queryClient, notifyError]);

  const view =
    job && !(finished && job.status === 'succeeded') ? (
      <Card className="page-section" size="small" data-testid="planning-job">
        <JobProgress job={job} onCancel={() => void cancel()} cancelling={cancelling} />
        {job.status === 'failed' ? (
          <div style={{ color: '#cf1322', marginTop: 8 }}>{job.error?.message}</div>
        ) : null}
      </Card>
    ) : null;

  return { job, running: !!job && !finished, start, view };
}
