/**
 * Group concurrent calls into one: requests that arrive while a group is being worked on wait and
 * go together in the next one, so a burst of N calls costs a few round trips instead of N. One group
 * is in flight at a time per coalescer; an idle coalescer starts the next group on the following
 * turn of the event loop (`setImmediate`), so calls made in the same turn share it and a lone call
 * waits no longer than that.
 *
 * `run` answers every item of its group, in order: a value, or an `Error` that rejects only that
 * item's call. If `run` itself throws, every call of the group is rejected with that error.
 */
export type Coalescer<I, O> = (item: I) => Promise<O>;

export interface CoalesceOptions {
  /** Most items in one group; the rest wait for the next (default 256). */
  max?: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function coalesce<I, O>(
  run: (items: I[]) => Promise<Array<O | Error>>,
  options: CoalesceOptions = {},
): Coalescer<I, O> {
  const max = Math.max(1, options.max ?? 256);
  let queue: Pending<I, O>[] = [];
  let busy = false;

  async function flush() {
    const group = queue.slice(0, max);
    queue = queue.slice(group.length);
    try {
      const results = await run(group.map((p) => p.item));
      if (results.length !== group.length)
        throw new Error(`coalesce: ${results.length} answers for ${group.length} calls`);
      group.forEach((p, i) => {
        const r = results[i];
        if (r instanceof Error) p.reject(r);
        else p.resolve(r);
      });
    } catch (error) {
      for (const p of group) p.reject(error);
    }
    if (queue.length) setImmediate(flush);
    else busy = false;
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!busy) {
        busy = true;
        setImmediate(flush);
      }
    });
}
