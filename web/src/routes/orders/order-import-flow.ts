import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { cancelJob, isFinished, useJob } from '../../api/jobs';
import {
  asOrderImportResult,
  type OrderFileFormat,
  type OrderImportResult,
  startOrderImport,
} from '../../api/orders';
import type { Job } from '../../api/types';
import { useNotifyError } from '../../lib/use-notify-error';

const formatOf = (file: File): OrderFileFormat | null =>
  file.name.toLowerCase().endsWith('.xlsx')
    ? 'xlsx'
    : file.name.toLowerCase().endsWith('.csv')
      ? 'csv'
      : null;

/**
 * The order import workflow, as the catalog's: pick a file → validate (a job) → commit (another
 * job) → the allocation job the commit queued. Each job is polled until it ends.
 */
export function useOrderImportFlow() {
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const [file, setFileState] = useState<File | null>(null);
  const [mode, setMode] = useState<'validate' | 'commit'>('validate');
  const [started, setStarted] = useState<Job | null>(null);
  const [validation, setValidation] = useState<OrderImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [starting, setStarting] = useState(false);

  const polled = useJob(started?.id ?? null, started ?? undefined);
  const job = polled.data ?? started;
  const result = job?.status === 'succeeded' ? asOrderImportResult(job.result) : null;
  const allocation = useJob(mode === 'commit' ? (result?.allocationJobId ?? null) : null);

  useEffect(() => {
    if (job?.status !== 'succeeded') return;
    if (mode === 'validate') setValidation(asOrderImportResult(job.result));
    else void client.invalidateQueries({ queryKey: ['orders'] });
  }, [job, mode, client]);
  useEffect(() => {
    if (allocation.data?.status === 'succeeded') void client.invalidateQueries({ queryKey: ['orders'] });
  }, [allocation.data?.status, client]);

  const setFile = useCallback((next: File | null) => {
    setFileState(next);
    setStarted(null);
    setValidation(null);
    setSkipInvalid(false);
    setMode('validate');
  }, []);

  const start = useCallback(
    async (next: 'validate' | 'commit') => {
      const format = file && formatOf(file);
      if (!file || !format) return;
      setStarting(true);
      try {
        setStarted(await startOrderImport({ file, format, mode: next, skipInvalid }));
        setMode(next);
      } catch (error) {
        notifyError(error);
      } finally {
        setStarting(false);
      }
    },
    [file, skipInvalid, notifyError],
  );

  const finished = isFinished(job ?? undefined);
  const committed = mode === 'commit' && job?.status === 'succeeded';
  return {
    file,
    setFile,
    mode,
    job,
    result,
    validation,
    allocationJob: allocation.data ?? null,
    skipInvalid,
    setSkipInvalid,
    starting,
    running: Boolean(job && !finished),
    finished,
    committed,
    canCommit:
      !committed && !!validation && validation.valid > 0 && (validation.invalid === 0 || skipInvalid),
    validate: () => start('validate'),
    commit: () => start('commit'),
    cancel: async () => {
      if (job) client.setQueryData(['jobs', job.id], await cancelJob(job.id));
    },
    reset: () => setFile(null),
  };
}
