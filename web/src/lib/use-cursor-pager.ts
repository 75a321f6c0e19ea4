import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Cursor pagination state: the cursor for the current page, a stack to go back, and a reset
 * whenever `resetKey` (the filters) changes.
 */
export function useCursorPager(resetKey: string, initialSize = 20) {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSizeState] = useState(initialSize);
  const lastKey = useRef(resetKey);

  useEffect(() => {
    if (lastKey.current !== resetKey) {
      lastKey.current = resetKey;
      setStack([undefined]);
    }
  }, [resetKey]);

  // While the effect above has not run yet, behave as if we were already back on page 1.
  const stale = lastKey.current !== resetKey;
  const page = stale ? 0 : stack.length - 1;
  const cursor = stale ? undefined : stack[stack.length - 1];

  const next = useCallback((nextCursor: string | null | undefined) => {
    if (nextCursor) setStack((s) => [...s, nextCursor]);
  }, []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  const setPageSize = useCallback((size: number) => {
    setPageSizeState(size);
    setStack([undefined]);
  }, []);

  return { cursor, page, pageSize, next, previous, reset, setPageSize };
}

export type CursorPager = ReturnType<typeof useCursorPager>;
