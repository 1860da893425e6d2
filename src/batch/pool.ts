import { Worker, type ResourceLimits } from 'node:worker_threads';

export type Failure = { kind: 'timeout' | 'crash'; message: string };

export interface PoolOptions {
  jobs: number;
  /** Per-job limit; the worker is terminated and replaced when it is exceeded. */
  timeoutMs: number;
  workerUrl: URL;
  resourceLimits?: ResourceLimits;
  /** Given to every worker (shared memory in it stays shared). */
  workerData?: unknown;
  /** Pass the workers' console output through (debugging); by default it is discarded. */
  workerOutput?: boolean;
}

interface Slot {
  worker: Worker;
  job: { id: number } | null;
  timer: NodeJS.Timeout | null;
  startedAt: number;
  /** Set when this worker has been given up on; its later events are ignored. */
  dead: boolean;
  /** The worker has warmed up; a job's clock starts only then. */
  ready: boolean;
  everReplied: boolean;
}

/**
 * A fixed set of worker threads, one job each at a time. Jobs are pulled from
 * an iterator only when a worker is free, so the queue never holds more than
 * `jobs` items. A job that runs past the timeout, or whose worker dies, is
 * reported as a failure and the worker is replaced; the others carry on.
 */
export class WorkerPool<J extends { id: number }, R> {
  private slots: Slot[] = [];
  private source: Iterator<J> | null = null;
  private exhausted = false;
  private stopped = false;
  private onDone: ((job: J, reply: R | null, failure: Failure | null) => void) | null = null;
  private resolveRun: (() => void) | null = null;
  private rejectRun: ((e: Error) => void) | null = null;
  private startupFailures = 0;
  /** Called with the job a worker was killed on (temp-file cleanup). */
  onKilled: ((job: J) => void) | null = null;

  constructor(private readonly opts: PoolOptions) {}

  run(source: Iterable<J>, onDone: (job: J, reply: R | null, failure: Failure | null) => void): Promise<void> {
    this.source = source[Symbol.iterator]();
    this.onDone = onDone;
    return new Promise<void>((resolve, reject) => {
      this.resolveRun = resolve;
      this.rejectRun = reject;
      for (let i = 0; i < this.opts.jobs; i++) this.slots.push(this.spawn());
      this.pump();
    });
  }

  /** Take no new jobs; the run ends when the jobs in progress are done. */
  stop(): void {
    this.stopped = true;
    this.pump();
  }

  /** Terminate the workers now; jobs in progress are dropped (not reported). */
  async abort(): Promise<void> {
    this.stopped = true;
    const killing = this.slots.map((s) => {
      s.dead = true;
      if (s.timer) clearTimeout(s.timer);
      if (s.job) this.onKilled?.(s.job as J);
      s.job = null;
      return s.worker.terminate();
    });
    await Promise.allSettled(killing);
    this.slots = [];
    this.finish();
  }

  get inProgress(): number {
    return this.slots.filter((s) => s.job).length;
  }

  /** Terminate all workers (after run() resolved). */
  async close(): Promise<void> {
    const all = this.slots.map((s) => { s.dead = true; return s.worker.terminate(); });
    this.slots = [];
    await Promise.allSettled(all);
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.workerUrl, {
      resourceLimits: this.opts.resourceLimits,
      workerData: this.opts.workerData,
      stdout: !this.opts.workerOutput,
      stderr: !this.opts.workerOutput,
    });
    // A worker that never finishes warming up counts as crashed (for the job it holds, if any).
    const startLimit = setTimeout(() => { if (!slot.ready) this.lost(slot, 'worker did not start within 60 s'); }, 60_000);
    startLimit.unref();
    if (!this.opts.workerOutput) {
      worker.stdout.resume();
      worker.stderr.resume();
    }
    const slot: Slot = { worker, job: null, timer: null, startedAt: 0, dead: false, ready: false, everReplied: false };
    worker.on('message', (reply: (R & { id: number }) | { ready: true }) => {
      if (slot.dead) return;
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job && !slot.timer) this.startClock(slot);
        return;
      }
      if (!slot.job || slot.job.id !== reply.id) return;
      const job = slot.job as J;
      this.release(slot);
      slot.everReplied = true;
      this.startupFailures = 0;
      this.onDone?.(job, reply, null);
      this.pump();
    });
    worker.on('error', (e: Error) => this.lost(slot, `worker crashed: ${describe(e)}`));
    worker.on('exit', (code) => this.lost(slot, `worker exited with code ${code}`));
    return slot;
  }

  private lost(slot: Slot, message: string): void {
    if (slot.dead) return;
    slot.dead = true;
    const job = slot.job as J | null;
    this.release(slot);
    void slot.worker.terminate();
    if (!slot.everReplied && !job) {
      // A worker that cannot even start: do not loop forever replacing it.
      if (++this.startupFailures >= 3) {
        this.failRun(new Error(`batch workers cannot start: ${message}`));
        return;
      }
    }
    this.replace(slot);
    if (job) {
      this.onKilled?.(job);
      this.onDone?.(job, null, { kind: 'crash', message });
    }
    this.pump();
  }

  private timeout(slot: Slot): void {
    if (slot.dead || !slot.job) return;
    slot.dead = true;
    const job = slot.job as J;
    this.release(slot);
    void slot.worker.terminate();
    this.replace(slot);
    this.onKilled?.(job);
    this.onDone?.(job, null, { kind: 'timeout', message: `timed out after ${fmtSeconds(this.opts.timeoutMs)} (the worker was stopped)` });
    this.pump();
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    if (this.exhaustedOrStopped()) {
      // no more jobs to hand out: no replacement needed
      this.slots.splice(i, 1);
    } else {
      this.slots[i] = this.spawn();
    }
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private exhaustedOrStopped(): boolean {
    return this.exhausted || this.stopped;
  }

  private pump(): void {
    if (!this.resolveRun) return;
    if (!this.stopped && !this.exhausted) {
      for (const slot of this.slots) {
        if (slot.job || slot.dead) continue;
        const next = this.source!.next();
        if (next.done) { this.exhausted = true; break; }
        slot.job = next.value;
        slot.worker.postMessage(next.value);
        if (slot.ready) this.startClock(slot);
      }
    }
    if (this.exhaustedOrStopped() && this.slots.every((s) => !s.job)) this.finish();
  }

  private startClock(slot: Slot): void {
    slot.startedAt = Date.now();
    slot.timer = setTimeout(() => this.timeout(slot), this.opts.timeoutMs);
  }

  private finish(): void {
    const resolve = this.resolveRun;
    this.resolveRun = null;
    this.rejectRun = null;
    resolve?.();
  }

  private failRun(e: Error): void {
    const reject = this.rejectRun;
    this.resolveRun = null;
    this.rejectRun = null;
    void this.close();
    reject?.(e);
  }
}

const describe = (e: Error) => ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : e.message.split('\n')[0]);
const fmtSeconds = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;
