import { useEffect } from 'react';

/** `SKUs · Wayline` in the browser tab. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Wayline` : 'Wayline';
  }, [title]);
}
