/** Entry point of a job's worker thread: runs one job and reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from '../db/open';
import type { FromWorker, JobStart, ToWorker } from './protocol';
import { JOBS } from './registry';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const { kind, input, nativeBinding } = workerData as JobStart;
useNativeBinding(nativeBinding);
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);
let lastProgress = 0;

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort();
});

JOBS[kind](input, {
  signal: controller.signal,
  progress(step, current, total, rows) {
    // At most ~20 updates a second: enough for a smooth bar, cheap for the UI thread.
    const now = Date.now();
    if (now - lastProgress < 50 && current < total) return;
    lastProgress = now;
    send({ type: 'progress', step, current, total, ...(rows === undefined ? {} : { rows }) });
  },
})
  .then((value) => send({ type: 'done', value }))
  .catch((error: unknown) =>
    send({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      cancelled: controller.signal.aborted,
    }),
  )
  .finally(() => port.close());
