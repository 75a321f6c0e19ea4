import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { type FileFormat, startCatalogImport } from '../../api/catalog';
import { cancelJob, isFinished, useJob } from '../../api/jobs';
import { asImportResult, type ImportResult, type Job } from '../../api/types';
import { useNotifyError } from '../../lib/use-notify-error';

export type ImportMode = 'validate' | 'commit';

export function formatOf(file: File): FileFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/**
 * The import workflow: pick a file → validate (a job) → commit (another job), polling each job
 * until it ends. Re-validation is required whenever the file changes.
 */
export function useImportFlow() {
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [file, setFileState] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('validate');
  const [started, setStarted] = useState<Job | null>(null);
  const [validation, setValidation] = useState<ImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  const polled = useJob(started?.id ?? null, started ?? undefined);
  const job = polled.data ?? started;
  const finished = isFinished(job ?? undefined);
  const result = job?.status === 'succeeded' ? asImportResult(job.result) : null;

  useEffect(() => {
    if (job?.status !== 'succeeded') return;
    if (mode === 'validate') setValidation(asImportResult(job.result));
    else void queryClient.invalidateQueries({ queryKey: ['catalog'] });
  }, [job, mode, queryClient]);

  const setFile = useCallback((next: File | null) => {
    setFileState(next);
    setStarted(null);
    setValidation(null);
    setSkipInvalid(false);
    setMode('validate');
  }, []);

  const start = useCallback(
    async (nextMode: ImportMode) => {
      const format = file && formatOf(file);
      if (!file || !format) return;
      setStarting(true);
      try {
        const created = await startCatalogImport({ file, format, mode: nextMode, skipInvalid });
        setMode(nextMode);
        setStarted(created);
      } catch (error) {
        notifyError(error);
      } finally {
        setStarting(false);
      }
    },
    [file, skipInvalid, notifyError],
  );

  const cancel = useCallback(async () => {
    if (!job) return;
    setCancelling(true);
    try {
      const updated = await cancelJob(job.id);
      queryClient.setQueryData(['jobs', job.id], updated);
    } catch (error) {
      notifyError(error);
    } finally {
      setCancelling(false);
    }
  }, [job, queryClient, notifyError]);

  const running = Boolean(job && !finished);
  const committed = mode === 'commit' && job?.status === 'succeeded';
  const canCommit =
    !committed && validation !== null && validation.valid > 0 && (validation.invalid === 0 || skipInvalid);

  return {
    file,
    setFile,
    mode,
    job,
    running,
    finished,
    result,
    validation,
    skipInvalid,
    setSkipInvalid,
    starting,
    cancelling,
    canCommit,
    committed,
    validate: () => start('validate'),
    commit: () => start('commit'),
    cancel,
    reset: () => setFile(null),
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
