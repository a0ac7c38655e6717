// Notices when a gopls child of this extension host dies. Costs nothing until there is a reason
// to look (the Go extension is installed or a Go file is open); then, while no gopls is known,
// it looks at once, then every 2 s for 30 s and every 10 s after that (no CONFIG_PROC_CHILDREN here
// means a /proc scan, ~13 ms for 100 processes); once one is known it reads just that process's
// /proc/<pid>/stat every 2 s, so a death is seen within 2 s.
import type { Host } from '../host/host.js';
import { goplsChildrenOf, stillRunning, type GoplsChild } from './goplsChildren.js';

export const CHECK_MS = 2000;
const SEARCH_FAST_MS = 2000;
const SEARCH_SLOW_MS = 10_000;
const FAST_SEARCH_FOR_MS = 30_000;

export interface GoplsDeath {
  pid: number;
  /** When we noticed (ms since epoch). */
  at: number;
  /** How long we knew it was alive before it vanished. */
  seenAliveMs: number;
  /** Deaths in the last three minutes including this one (vscode-languageclient gives up after 5). */
  recentDeaths: number;
  /** When each gopls of this window was first seen, oldest first (the last ten). */
  starts: number[];
}

export class GoplsCrashWatcher {
  private timer: NodeJS.Timeout | undefined;
  private known = new Map<number, GoplsChild & { since: number }>();
  private fastUntil = 0;
  private deaths: number[] = [];
  private starts: number[] = [];
  private running = false;
  /** Until this time, up to `expectedExits` disappearances are a restart we know of, not a crash. */
  private expectedUntil = 0;
  private expectedExits = 0;

  private hostValue: Host | undefined;

  constructor(
    /** A Host, or a factory called on the first look (the engine bundle loads lazily). */
    private readonly hostSource: Host | (() => Host),
    private readonly pid: number,
    private readonly onDeath: (d: GoplsDeath) => void,
    private readonly log: (msg: string) => void = () => undefined,
    /** A gopls was seen for the first time (the session reads its baseline counters then). */
    private readonly onStart: (c: GoplsChild) => void = () => undefined,
  ) {}

  private get host(): Host {
    this.hostValue ??= typeof this.hostSource === 'function' ? this.hostSource() : this.hostSource;
    return this.hostValue;
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.fastUntil = Date.now() + FAST_SEARCH_FOR_MS;
    // Look now: the gopls the Go extension started with the window is already running, and one
    // that dies before the first look is never seen (a 2 s wait here missed a crash in CI).
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.known.clear();
  }

  /**
   * A restart is coming (our fix, or the Go extension reacting to a settings change): the next
   * exit of each gopls watched now, within `ms`, is that restart. Any further exit in the window
   * (the restarted gopls dying too) is a crash again.
   */
  expectRestart(ms = 10_000): void {
    this.expectedUntil = Date.now() + ms;
    this.expectedExits = Math.max(1, this.known.size);
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), ms);
    // Never keep the extension host alive for this.
    this.timer.unref?.();
  }

  /** One look; exposed for tests with a fixture host. */
  async tick(): Promise<void> {
    try {
      if (this.known.size) {
        for (const c of [...this.known.values()]) {
          if (await stillRunning(this.host, c)) continue;
          this.known.delete(c.pid);
          const now = Date.now();
          if (now < this.expectedUntil && this.expectedExits > 0) {
            this.expectedExits--;
            this.log(`gopls ${c.pid} exited during a restart we knew of`);
          } else {
            this.deaths = [...this.deaths.filter((t) => now - t < 180_000), now];
            // onDeath logs it, with how long it ran.
            this.onDeath({ pid: c.pid, at: now, seenAliveMs: now - c.since, recentDeaths: this.deaths.length, starts: [...this.starts] });
          }
          this.fastUntil = now + FAST_SEARCH_FOR_MS;
        }
      }
      if (!this.known.size || Date.now() < this.fastUntil) {
        for (const c of await goplsChildrenOf(this.host, this.pid)) {
          if (!this.known.has(c.pid)) {
            this.known.set(c.pid, { ...c, since: Date.now() });
            this.starts = [...this.starts, Date.now()].slice(-10);
            this.log(`watching gopls ${c.pid}`);
            this.onStart(c);
          }
        }
      }
    } catch (e) {
      this.log(`crash watcher: ${(e as Error).message}`);
    }
    const searching = !this.known.size;
    this.schedule(searching && Date.now() > this.fastUntil ? SEARCH_SLOW_MS : searching ? SEARCH_FAST_MS : CHECK_MS);
  }

  /** The gopls processes currently watched (for tests and the log). */
  watched(): number[] {
    return [...this.known.keys()];
  }
}
