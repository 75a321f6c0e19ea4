import { useCallback, useState } from 'react';
import { downloadFile } from '../api/client';
import { useNotifyError } from './use-notify-error';

/** Download an API file with the session's headers; `busy` holds the path being fetched. */
export function useDownload() {
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (path: string, fallbackName: string) => {
      setBusy(path);
      try {
        await downloadFile(path, fallbackName);
      } catch (error) {
        notifyError(error);
      } finally {
        setBusy(null);
      }
    },
    [notifyError],
  );
  return { download, busy };
}
