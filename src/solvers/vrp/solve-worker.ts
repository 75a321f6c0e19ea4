/** Worker thread entry for `threads: 2` (see parallel.ts): solves one seed and posts the plan back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerReply, WorkerRequest } from './parallel';
import { solveVrp } from './solve';

const port = parentPort;
if (port !== null) {
  const input = workerData as WorkerInput;
  const controller = new AbortController();
  const post = (m: WorkerReply) => port.postMessage(m);
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'abort') controller.abort();
    else if (msg.type === 'start') {
      solveVrp(input.problem, {
        ...input.options,
        threads: 1,
        timeLimitMs: msg.timeLimitMs,
        signal: controller.signal,
        onProgress: (p) =>
          post({
            type: 'progress',
            cost: p.cost,
            vehicles: p.vehicles,
            elapsedMs: p.elapsedMs,
            iteration: p.iteration,
          }),
      })
        .then((solution) => post({ type: 'done', solution }))
        .catch((e: unknown) => post({ type: 'error', message: String(e) }))
        .finally(() => port.close());
    }
  });
  post({ type: 'ready' });
}
