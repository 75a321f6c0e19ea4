import { afterAll, describe, expect, it } from 'vitest';
import { closeCpuPool, createCpuPool, runCpuTask } from './cpu-pool';
import type { ChunkedSumInput } from './fixtures/chunked-sum.worker';

const worker = new URL('./fixtures/chunked-sum.worker.ts', import.meta.url);
const pool = createCpuPool({ maxThreads: 2 });
afterAll(() => closeCpuPool(pool));

describe('runCpuTask (piscina worker threads running TypeScript)', () => {
  it('returns the result and delivers every progress message', async () => {
    const progress: Array<[number, string | null]> = [];
    const result = await runCpuTask<ChunkedSumInput, { sum: number }>(
      pool,
      worker,
      { n: 100_000, chunks: 4 },
      { onProgress: (fraction, message) => progress.push([fraction, message]) },
    );
    expect(result).toEqual({ sum: (100_000 * 100_001) / 2 });
    expect(progress).toEqual([
      [0.25, 'chunk 1/4'],
      [0.5, 'chunk 2/4'],
      [0.75, 'chunk 3/4'],
      [1, 'chunk 4/4'],
    ]);
  });

  it('progress arrives while the worker is still busy, and aborting stops a blocked thread at once', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const started = performance.now();
    const task = runCpuTask(pool, worker, { n: 1000, chunks: 50, sleepMs: 200 } satisfies ChunkedSumInput, {
      signal: controller.signal,
      onProgress: (fraction) => {
        seen.push(fraction);
        if (seen.length === 2) controller.abort();
      },
    });
    await expect(task).rejects.toMatchObject({ name: 'AbortError' });
    const elapsed = performance.now() - started;
    // The whole task would take 50 × 200 ms = 10 s; it stopped after ~2 chunks.
    expect(elapsed).toBeLessThan(3000);
    expect(seen.slice(0, 2)).toEqual([0.02, 0.04]);
    // The pool replaced the terminated thread and still works.
    await expect(runCpuTask(pool, worker, { n: 10, chunks: 1 })).resolves.toEqual({ sum: 55 });
  });

  it('honours a time budget', async () => {
    const started = performance.now();
    await expect(
      runCpuTask(pool, worker, { n: 10, chunks: 20, sleepMs: 200 } satisfies ChunkedSumInput, {
        timeoutMs: 300,
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(
      runCpuTask(pool, worker, { n: 10, chunks: 1 }, { signal: AbortSignal.abort(new Error('gone')) }),
    ).rejects.toThrow('gone');
  });
});
