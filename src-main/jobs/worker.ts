/** Entry point of a job's worker thread: runs one job and reports back. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { useNativeBinding } from '../db/open';
import type { FromWorker, JobStart, ToWorker } from './protocol';
import { runTaskHere, serveLiveCounts, type LiveCountStart, type TaskStart } from './tasks';
import { JOBS } from './registry';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const start = workerData as JobStart | TaskStart | LiveCountStart;
if ('liveCounts' in start) {
  // Kept alive: live counts while a rule is edited (tasks.ts, serveLiveCounts).
  useNativeBinding(start.nativeBinding);
  serveLiveCounts(port);
} else if ('task' in start) {
  // A call answered on this thread (tasks.ts), not a job.
  useNativeBinding(start.nativeBinding);
  port.postMessage(runTaskHere(start));
  port.close();
} else {
  runJob(port, start);
}

function runJob(port: MessagePort, { kind, input, nativeBinding }: JobStart): void {
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
}
