import { parentPort } from 'node:worker_threads';
import { runJob } from './job.js';
import type { Job } from './protocol.js';

// A batch worker: one job at a time, a reply per job. The pool terminates and
// replaces a worker that runs past the timeout or dies.
if (!parentPort) throw new Error('batch worker must run in a worker thread');
const port = parentPort;

// Test hooks (used by test/batch only): make inputs whose path contains the
// given text hang in a busy loop, kill their worker, or take a while.
const hang = process.env.POLICY_PARSE_TEST_HANG || null;
const crash = process.env.POLICY_PARSE_TEST_CRASH || null;
const delayMs = Number(process.env.POLICY_PARSE_TEST_DELAY_MS) || 0;

port.on('message', (job: Job) => {
  if (hang && job.display.includes(hang)) for (;;) { /* simulate a parser stuck in a loop */ }
  if (crash && job.display.includes(crash)) process.exit(70);
  const go = () => void runJob(job).then((done) => port.postMessage(done));
  if (delayMs) setTimeout(go, delayMs);
  else go();
});
