// What one LSP session with gopls is asked to do and what it returns. Shared by the session's
// phases (handshake, diagnostics wait, shutdown) and by its callers.
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { Host } from '../host/host.js';
import type { GoSettings } from '../host/sealedGo.js';
import type { ServerExit } from '../host/server.js';
import type { CreatedView } from './views.js';
import type { PackageLoads } from './packagesLoad.js';

export interface GoplsSessionOptions {
  /** The live host; a fixture host cannot run gopls and gets a 'not-live' failure. */
  host: Host;
  gopls: string;
  /** Extra gopls arguments (e.g. ['-rpc.trace', '-logfile', X]); none for the probe. */
  args?: readonly string[];
  /** The complete environment gopls runs with. */
  env: NodeJS.ProcessEnv;
  /** go env's values (GOFLAGS from the go env file count): what keeps gopls's go off the workspace (sealedGo). */
  goSettings?: GoSettings | Promise<GoSettings | undefined>;
  workspaces: readonly string[];
  /**
   * The user's "gopls" settings, sent as the Go extension sends them: as initializationOptions and
   * as the answer to workspace/configuration for the "gopls" section (none: gopls's defaults).
   */
  settings?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Hard deadline of the whole session: the process group is killed when it passes. */
  timeoutMs: number;
  /** A .go file to open after initialized; without one the session ends after the handshake. */
  openFile?: string | Promise<string | undefined>;
  /** After didOpen, keep the session this long even once diagnostics arrived (trace recording). */
  holdMs?: number;
  /**
   * Called once gopls is proven alive (initialize answered, a cheap request answered, its view
   * announced or a bounded wait for it over), before the file is opened: the verdict needs no
   * more. Gets a copy of the result so far; the session then goes on to the diagnostics.
   */
  onLive?: (soFar: GoplsSessionResult) => void;
  /** Every server→client notification, as it arrives. */
  onNotification?: (method: string, params: unknown) => void;
}

export type SessionPhase = 'spawn' | 'initialize' | 'diagnostics' | 'shutdown';

export type SessionFailure =
  /** The kernel refused to start it: ENOENT, EACCES, ENOEXEC (errno name in code). */
  | { kind: 'spawn'; code: string; message: string }
  /** It exited before the session was over. */
  | { kind: 'crash'; phase: SessionPhase; exitCode?: number; signal?: string; message: string }
  /** No reply to initialize before the deadline. */
  | { kind: 'hang'; phase: 'initialize'; waitedMs: number; message: string }
  /** initialize answered with a JSON-RPC error. */
  | { kind: 'initialize-error'; code?: number; message: string }
  | { kind: 'canceled'; phase: SessionPhase; message: string }
  | { kind: 'not-live'; message: string };

export interface ServerMessage {
  /** window/showMessage, window/logMessage, or the method whose reply carried the error. */
  via: string;
  /** LSP MessageType: 1 error, 2 warning, 3 info, 4 log. */
  type?: number;
  message: string;
}

export interface GoplsSessionResult {
  ok: boolean;
  failure?: SessionFailure;
  commandLine: string;
  pid?: number;
  /** From spawn to the initialize result. */
  initializeMs?: number;
  /**
   * The cheap request sent between initialize and initialized (gopls answers nothing else until
   * its first workspace load is over): what it was and how long its answer took.
   */
  liveRequest?: { method: string; ms?: number; error?: string };
  /**
   * The full diagnostics pass the session asked for (fullPass.ts) because the opened file named an
   * unresolved import before any load error came: how long gopls took to publish and answer.
   */
  fullPass?: { command: string; ms?: number; error?: string };
  /** From spawn to the moment the session was proven alive (onLive). */
  liveMs?: number;
  /** From spawn to the first textDocument/publishDiagnostics. */
  firstDiagnosticsMs?: number;
  /** True when the opened file's own diagnostics arrived (possibly an empty list). */
  openedFileDiagnosed: boolean;
  /** Set when the wait for the opened file's diagnostics ran out: how long it lasted. */
  diagnosticsWaitedMs?: number;
  serverInfo?: { name: string; version?: string };
  openedFile?: string;
  /** Diagnostics per file, bounded. */
  diagnostics: Array<{ uri: string; items: Array<Pick<Diagnostic, 'message' | 'severity' | 'source'>> }>;
  messages: ServerMessage[];
  /** gopls's words when it could not place a file in a view ("no views", "no view for file …"). */
  viewErrors: string[];
  /** The views gopls reported creating ("Created View" log messages). */
  views: CreatedView[];
  /**
   * gopls's go/packages.Load records (packagesLoad.ts): how many returned packages and how many
   * none. Absent in results made before it was counted (tests, recorded sessions).
   */
  loads?: PackageLoads;
  stderrTail: string;
  exit?: ServerExit;
  durationMs: number;
}

/**
 * gopls's words when a file is in no view: "no views" / "no views in the session" (older
 * releases), "no view for file …", "Error loading workspace folders (expected 1, got 0)\nfailed to
 * load view for …", "No active builds contain FILE", "gopls was not able to find modules in your workspace".
 */
export const NO_VIEW = /\bno views?\b|no view for|failed to load view|Error loading workspace folders|No active builds contain|not able to find modules in your workspace/i;
