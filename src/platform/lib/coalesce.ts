/**
 * Group concurrent calls into one: requests that arrive while a group is being worked on wait and
 * go together in the next one, so a burst of N calls costs a few round trips instead of N. One group
 * is in flight at a time per coalescer; an idle coalescer starts the next group on the following
 * turn of the event loop (`setImmediate`), so calls made in the same turn share it and a lone call
 * waits no longer than that.
 *
 * `run` answers every item of its group, in order: a value, an `Error` that rejects only that
 * item's call, or a promise of the value for an item that takes longer than its group (the group's
 * slot is free again meanwhile). If `run` itself throws, every call of the group is rejected with
 * that error.
 */
export type Coalescer<I, O> = (item: I) => Promise<O>;

export interface CoalesceOptions {
  /** Most items in one group; the rest wait for the next (default 256). */
  max?: number;
  /**
   * Most groups in flight at once (default 1). With more, a call that arrives while every group is
   * busy waits for the next; one that finds a free slot starts a group on the next turn.
   */
  concurrency?: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O | PromiseLike<O>) => void;
  reject: (error: unknown) => void;
}

export function coalesce<I, O>(
  run: (items: I[]) => Promise<Array<O | Error | PromiseLike<O>>>,
  options: CoalesceOptions = {},
): Coalescer<I, O> {
  const max = Math.max(1, options.max ?? 256);
  const concurrency = Math.max(1, options.concurrency ?? 1);
  let queue: Pending<I, O>[] = [];
  /** Groups running or about to start (scheduled on the next turn). */
  let busy = 0;
  /** A group is scheduled and will take what is queued when it starts. */
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const group = queue.slice(0, max);
    queue = queue.slice(group.length);
    // More than one group's worth waiting: the rest may start beside this one.
    schedule();
    try {
      if (!group.length) return;
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
    } finally {
      busy--;
      schedule();
    }
  }

  function schedule() {
    if (!queue.length || scheduled || busy >= concurrency) return;
    busy++;
    scheduled = true;
    setImmediate(flush);
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
