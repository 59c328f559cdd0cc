/** What an import tells its operator while it runs: phases, rows, throughput, warnings. */
export interface ImportReporter {
  startPhase(name: string, totalBytes: number | null): void;
  /** Rows read in the current phase (cumulative increments). */
  rows(n: number): void;
  /** Bytes read from the current phase's file (increments). */
  bytes(n: number): void;
  endPhase(): void;
  warn(message: string): void;
}

/** Reports nothing; keeps the warnings (tests read them). */
export class CollectingReporter implements ImportReporter {
  readonly warnings: string[] = [];
  readonly phases: string[] = [];
  startPhase(name: string): void {
    this.phases.push(name);
  }
  rows(): void {}
  bytes(): void {}
  endPhase(): void {}
  warn(message: string): void {
    this.warnings.push(message);
  }
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export const number = (n: number): string => n.toLocaleString('en-US');

/**
 * Progress on a stream (stderr): on a terminal one live line (phase, rows, rows/s, elapsed, % of
 * the file), redrawn at most ten times a second; otherwise a plain line every `intervalMs` and at
 * the end of each phase, so logs stay readable.
 */
export class StreamReporter implements ImportReporter {
  private phase = '';
  private total: number | null = null;
  private readBytes = 0;
  private count = 0;
  private phaseStart = 0;
  private lastDraw = 0;
  private drawn = false;
  private readonly start = Date.now();
  private readonly live: boolean;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly intervalMs = 5000,
    private readonly label = 'import',
  ) {
    this.live = out.isTTY === true;
  }

  startPhase(name: string, totalBytes: number | null): void {
    this.phase = name;
    this.total = totalBytes;
    this.readBytes = 0;
    this.count = 0;
    this.phaseStart = Date.now();
    this.lastDraw = this.live ? 0 : this.phaseStart;
    this.draw(true);
  }

  rows(n: number): void {
    this.count += n;
    this.draw(false);
  }

  bytes(n: number): void {
    this.readBytes += n;
    this.draw(false);
  }

  endPhase(): void {
    if (this.live) {
      this.draw(true);
      this.out.write('\n');
      this.drawn = false;
    } else this.out.write(`${this.line()} — done\n`);
  }

  warn(message: string): void {
    if (this.live && this.drawn) this.out.write('\r\x1b[K');
    this.out.write(`warning: ${message}\n`);
    this.drawn = false;
    if (this.live) this.draw(true);
  }

  private line(): string {
    const now = Date.now();
    const seconds = Math.max((now - this.phaseStart) / 1000, 0.001);
    const percent = this.total
      ? ` ${Math.min(100, Math.floor((this.readBytes / this.total) * 100))
          .toString()
          .padStart(3)}%`
      : '';
    return `${this.label} ${this.phase.padEnd(11)}${percent}  ${number(this.count)} rows  ${number(Math.round(this.count / seconds))} rows/s  elapsed ${formatDuration(now - this.start)}`;
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (this.live) {
      if (!force && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      this.out.write(`\r\x1b[K${this.line()}`);
      this.drawn = true;
    } else if (!force && now - this.lastDraw >= this.intervalMs) {
      this.lastDraw = now;
      this.out.write(`${this.line()}\n`);
    }
  }
}
