import { useCallback, useRef } from 'react';

/**
 * 128 random bits as 32 hex characters. `crypto.getRandomValues` rather than `randomUUID`: the
 * latter exists only in secure contexts, and the console may be served over plain HTTP on a LAN.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The `Idempotency-Key` for a create form's submit attempts. A repeat of the same request keeps its
 * key, so the server answers it with the first answer instead of creating twice (a retry after a
 * lost answer, a second click that got through); a changed request is a new attempt with a new key
 * (the server refuses a key reused with another body, and a 400 is never stored against a key).
 */
export function useIdempotencyKey(): (request: unknown) => string {
  const last = useRef<{ request: string; key: string } | null>(null);
  return useCallback((request: unknown) => {
    const text = JSON.stringify(request);
    if (last.current?.request !== text) last.current = { request: text, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}
