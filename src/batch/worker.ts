import { parentPort } from 'node:worker_threads';
import { runJob } from './job.js';
import type { Job } from './protocol.js';

// A batch worker: one job at a time, a reply per job. The pool terminates and
// replaces a worker that runs past the timeout or dies.
if (!parentPort) throw new Error('batch worker must run in a worker thread');
const port = parentPort;
port.on('message', (job: Job) => {
  void runJob(job).then((done) => port.postMessage(done));
});
