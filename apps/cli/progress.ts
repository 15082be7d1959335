import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** How a long command reports how far it is; ends with exactly one of `finish` or `stop`. */
export interface Progress {
  /** `done` units so far; `total` when it became known or changed. */
  update(done: number, total?: number | null): void;
  /** The work completed: clears the bar and prints the summary line. */
  finish(summary: string): void;
  /** The work ended otherwise (interrupted, failed): clears the bar and prints why. */
  stop(line: string): void;
}

export interface ProgressOptions {
  readonly label: string;
  readonly unit: string;
  readonly total: number | null;
  /** Plain output: how often to print a line. */
  readonly intervalMs?: number;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** `1h 02m`, `3m 07s`, `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** The figures both renderings show: done of total, rate, time left. */
export function describeProgress(done: number, total: number | null, elapsedMs: number, unit: string): string {
  const rate = done / Math.max(elapsedMs / 1000, 0.001);
  const of = total !== null ? `${count(done)}/${count(total)} ${unit} (${total > 0 ? Math.floor((100 * done) / total) : 100}%)` : `${count(done)} ${unit}`;
  const left = total !== null && rate > 0 ? `, about ${formatDuration(Math.max(0, total - done) / rate)} left` : '';
  return `${of}, ${count(rate)} ${unit}/s${left}`;
}

/**
 * A bar with rate and time left when stderr is a terminal; otherwise (a log file, CI, `kubectl logs`) a plain line
 * at the start, every `intervalMs` and at the end, which is readable where a redrawn bar is not.
 */
export function startProgress(io: CliIo, options: ProgressOptions): Progress {
  return io.stderr.isTTY ? new BarProgress(io, options) : new PlainProgress(io, options);
}

class BarProgress implements Progress {
  private readonly bar: SingleBar;
  private readonly started = Date.now();
  private total: number | null;

  constructor(
    private readonly io: CliIo,
    options: ProgressOptions,
  ) {
    this.total = options.total;
    this.bar = new SingleBar(
      {
        stream: io.stderr,
        format: `${options.label} [{bar}] {percentage}% | {value}/{total} ${options.unit} | {rate} ${options.unit}/s | {eta_formatted} left`,
        formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? count(value) : String(value)),
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    this.bar.start(this.total ?? 0, 0, { rate: '0' });
  }

  update(done: number, total?: number | null): void {
    if (total !== undefined && total !== null && total !== this.total) {
      this.total = total;
      this.bar.setTotal(total);
    }
    const rate = done / Math.max((Date.now() - this.started) / 1000, 0.001);
    this.bar.update(done, { rate: count(rate) });
  }

  finish(summary: string): void {
    this.bar.stop();
    this.io.stderr.write(`${summary}\n`);
  }

  stop(line: string): void {
    this.bar.stop();
    this.io.stderr.write(`${line}\n`);
  }
}

class PlainProgress implements Progress {
  private readonly started = Date.now();
  private lastLine = 0;
  private total: number | null;

  constructor(
    private readonly io: CliIo,
    private readonly options: ProgressOptions,
  ) {
    this.total = options.total;
    this.line(0);
  }

  update(done: number, total?: number | null): void {
    if (total !== undefined) this.total = total;
    if (Date.now() - this.lastLine >= (this.options.intervalMs ?? 2000)) this.line(done);
  }

  finish(summary: string): void {
    this.io.stderr.write(`${summary}\n`);
  }

  stop(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  private line(done: number): void {
    this.lastLine = Date.now();
    this.io.stderr.write(`${this.options.label}: ${describeProgress(done, this.total, Date.now() - this.started, this.options.unit)}\n`);
  }
}
