import type { MessagePort } from 'node:worker_threads';

/**
 * The worker-thread side of `runCpuTask`. A worker file exports its task under the name `run`:
 *
 *   export const run = defineCpuTask((input: VrpProblem, ctx) => { …; ctx.progress(0.5, 'improving'); … });
 *
 * Keep worker files free of I/O and database access (STYLE: solvers are pure); they receive plain
 * serialisable input and return plain serialisable output.
 */
export interface CpuTaskContext {
  /** Post progress (0..1) to the main thread; cheap, but throttle it in tight loops. */
  progress(fraction: number, message?: string): void;
}

export interface CpuTaskEnvelope<I> {
  input: I;
  port: MessagePort | null;
}

export interface CpuProgressMessage {
  type: 'progress';
  fraction: number;
  message: string | null;
}

/** The export name `runCpuTask` calls in a worker file. */
export const CPU_TASK_EXPORT = 'run';

export function defineCpuTask<I, O>(
  fn: (input: I, ctx: CpuTaskContext) => O | Promise<O>,
): (envelope: CpuTaskEnvelope<I>) => Promise<O> {
  return async ({ input, port }) => {
    const ctx: CpuTaskContext = {
      progress(fraction, message) {
        const msg: CpuProgressMessage = { type: 'progress', fraction, message: message ?? null };
        port?.postMessage(msg);
      },
    };
    try {
      return await fn(input, ctx);
    } finally {
      port?.close();
    }
  };
}
