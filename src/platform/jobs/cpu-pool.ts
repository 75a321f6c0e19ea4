import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { CPU_TASK_EXPORT, type CpuProgressMessage, type CpuTaskEnvelope } from './cpu-task';

/**
 * Worker threads for CPU-heavy work (solvers, large imports), so it never blocks the event loop that
 * serves requests and heartbeats. Worker files are TypeScript, loaded through tsx's loader.
 */
export type CpuPool = Piscina;

export interface CpuPoolOptions {
  /** Default: available parallelism − 1 (at least 1). */
  maxThreads?: number;
  minThreads?: number;
  /** Idle threads exit after this long. Default 30 s. */
  idleTimeoutMs?: number;
  /** Per-thread heap limit in MB. */
  maxOldGenerationSizeMb?: number;
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export function createCpuPool(options: CpuPoolOptions = {}): CpuPool {
  return new Piscina({
    maxThreads: options.maxThreads ?? Math.max(1, os.availableParallelism() - 1),
    minThreads: options.minThreads ?? 0,
    idleTimeout: options.idleTimeoutMs ?? 30_000,
    execArgv: ['--import', tsxLoader],
    ...(options.maxOldGenerationSizeMb
      ? { resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } }
      : {}),
  });
}

export async function closeCpuPool(pool: CpuPool): Promise<void> {
  await pool.destroy();
}

export interface CpuTaskOptions {
  /** Aborting terminates the worker thread running the task (CPU loops need not poll for it). */
  signal?: AbortSignal;
  /** Abort after this long (a solver's time budget plus a margin). */
  timeoutMs?: number;
  onProgress?: (fraction: number, message: string | null) => void;
  /** Named export to call; default `run` (see `defineCpuTask`). */
  exportName?: string;
}

const toFileUrl = (file: string | URL): string =>
  file instanceof URL ? file.href : file.startsWith('file:') ? file : pathToFileURL(file).href;

/**
 * Run `input` through the task exported by `workerFile` on the pool. Progress posted by the worker
 * arrives through `onProgress`. On abort (or timeout) the promise rejects with the signal's reason
 * (an `AbortError`/`TimeoutError`, or whatever reason the caller aborted with).
 */
export async function runCpuTask<I, O>(
  pool: CpuPool,
  workerFile: string | URL,
  input: I,
  options: CpuTaskOptions = {},
): Promise<O> {
  const signals = [
    options.signal,
    options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
  ].filter((s): s is AbortSignal => !!s);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  signal?.throwIfAborted();

  const { port1, port2 } = new MessageChannel();
  const portClosed = new Promise<void>((resolve) => port2.once('close', resolve));
  port2.on('message', (msg: CpuProgressMessage) => {
    if (msg?.type === 'progress') options.onProgress?.(msg.fraction, msg.message);
  });
  const envelope: CpuTaskEnvelope<I> = { input, port: port1 };
  try {
    const result: O = await pool.run(envelope, {
      filename: toFileUrl(workerFile),
      name: options.exportName ?? CPU_TASK_EXPORT,
      transferList: [port1],
      signal: signal ?? null,
    });
    // The worker closes its end after returning; wait (briefly) so its last progress messages arrive.
    await Promise.race([portClosed, new Promise((resolve) => setTimeout(resolve, 200))]);
    return result;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  } finally {
    port2.close();
  }
}
