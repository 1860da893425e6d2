import type { SingleBar } from 'cli-progress';
import { importExternal } from '../importExternal.js';

export interface Counts {
  done: number;
  total: number;
  failed: number;
  skipped: number;
}

export interface Progress {
  update(c: Counts): void;
  /** A message that must not be mangled by the bar. */
  log(line: string): void;
  stop(): void;
}

export interface ProgressOptions {
  quiet: boolean;
  stream: NodeJS.WriteStream;
  /** Seconds between plain lines when the stream is not a terminal. */
  intervalS: number;
}

/**
 * A progress bar (cli-progress) on a terminal: files done/total, files/s, ETA
 * and failures; plain periodic lines otherwise (logs, CI); nothing with --quiet.
 */
export async function createProgress(total: number, opts: ProgressOptions): Promise<Progress> {
  if (opts.quiet) return { update() {}, log() {}, stop() {} };
  const started = Date.now();
  const rate = (c: Counts) => {
    const s = (Date.now() - started) / 1000;
    return s > 0 ? (c.done - c.skipped) / s : 0;
  };
  const eta = (c: Counts) => {
    const r = rate(c);
    const left = c.total - c.done;
    return left === 0 ? 0 : r > 0 ? left / r : NaN;
  };

  if (opts.stream.isTTY) {
    const { default: cliProgress } = await importExternal<{ default: typeof import('cli-progress') }>('cli-progress');
    const bar: SingleBar = new cliProgress.SingleBar({
      format: 'batch {bar} {value}/{total} files | {rate} files/s | ETA {etaText} | {failed} failed{skippedText}',
      stream: opts.stream,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      barsize: 24,
      fps: 8,
      etaBuffer: 50,
    }, cliProgress.Presets.shades_classic);
    const payload = (c: Counts) => ({
      rate: rate(c).toFixed(1), etaText: fmtDuration(eta(c)), failed: c.failed,
      skippedText: c.skipped ? ` | ${c.skipped} skipped` : '',
    });
    bar.start(total, 0, payload({ done: 0, total, failed: 0, skipped: 0 }));
    let last: Counts = { done: 0, total, failed: 0, skipped: 0 };
    // Keep the rate and ETA moving while a slow file holds things up.
    const tick = setInterval(() => bar.update(last.done, payload(last)), 1000);
    tick.unref();
    return {
      update(c) { last = { ...c }; bar.update(c.done, payload(c)); },
      log(line) {
        opts.stream.write('\r\x1b[K');
        opts.stream.write(`${line}\n`);
        bar.update(last.done, payload(last));
      },
      stop() { clearInterval(tick); bar.update(last.done, payload(last)); bar.stop(); },
    };
  }

  let last: Counts = { done: 0, total, failed: 0, skipped: 0 };
  let printed = -1;
  const line = () => {
    if (last.done === printed) return;
    printed = last.done;
    const pct = total ? Math.floor((100 * last.done) / total) : 100;
    opts.stream.write(`batch: ${last.done}/${total} files (${pct}%), ${rate(last).toFixed(1)} files/s, ETA ${fmtDuration(eta(last))}, ${last.failed} failed${last.skipped ? `, ${last.skipped} skipped` : ''}\n`);
  };
  const timer = setInterval(line, Math.max(0.05, opts.intervalS) * 1000);
  timer.unref();
  return {
    update(c) { last = { ...c }; },
    log(l) { opts.stream.write(`${l}\n`); },
    stop() { clearInterval(timer); },
  };
}

export function fmtDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
