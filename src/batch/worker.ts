import { parentPort, workerData } from 'node:worker_threads';
import { ignoreStrayPdfjsRejections } from '../read/pdfjsErrors.js';
import { useDictionaryIndex } from '../extract/segment.js';
import { runJob } from './job.js';
import type { Job, WorkerSetup } from './protocol.js';

// A batch worker: one job at a time, a reply per job. The pool terminates and
// replaces a worker that runs past the timeout or dies.
if (!parentPort) throw new Error('batch worker must run in a worker thread');
const port = parentPort;
ignoreStrayPdfjsRejections();
const setup = workerData as WorkerSetup | undefined;
if (setup?.dictionaryIndex) useDictionaryIndex(setup.dictionaryIndex);

// Test hooks (used by test/batch only): make inputs whose path contains the
// given text hang in a busy loop, kill their worker, abort the whole process
// (as a V8 fatal error does), or take a while.
const hang = process.env.POLICY_PARSE_TEST_HANG || null;
const crash = process.env.POLICY_PARSE_TEST_CRASH || null;
const abort = process.env.POLICY_PARSE_TEST_ABORT || null;
const delayMs = Number(process.env.POLICY_PARSE_TEST_DELAY_MS) || 0;

// Warm up before taking jobs: load the parser (and whatever dictionaries it
// loads on first use) on a tiny document, so the first real file's time limit
// is not spent on start-up. The pool starts a job's clock at 'ready'.
const WARM_UP = '关于做好试点工作的通知\n\n一、加强组织领导。2025年6月底前完成（市发展改革委牵头，市财政局配合）。\n';
const warm = (async () => {
  try {
    const { parse } = await import('../index.js');
    await parse(Buffer.from(WARM_UP), { path: 'warm-up.txt' });
  } catch { /* a broken parser shows up on the real files */ }
  port.postMessage({ ready: true });
})();

port.on('message', (job: Job) => {
  if (hang && job.display.includes(hang)) {
    void warm.then(() => { for (;;) { /* simulate a parser stuck in a loop */ } });
    return;
  }
  if (crash && job.display.includes(crash)) process.exit(70);
  if (abort && job.display.includes(abort)) process.kill(process.pid, 'SIGABRT');
  const go = () => void runJob(job).then((done) => port.postMessage(done));
  void warm.then(() => (delayMs ? setTimeout(go, delayMs) : go()));
});
