// What the user configured, as the engine sees it: the Go extension's settings and this
// extension's own, or the CLI's flags. Plain data, so every layer from facts up can take it.
export interface DoctorSettings {
  /** `go.alternateTools.gopls` (or the Go extension's execution command for gopls). */
  alternateGopls?: string;
  /** Every `go.alternateTools` entry (tool name → binary), for the tool inventory. */
  alternateTools?: Record<string, string>;
  /** The Go file open in the editor (the CLI's --file): is it left out of the build by its constraints? */
  activeFile?: string;
  /** `go.toolsManagement.go`: the go the Go extension installs and updates its tools with (else the go on PATH). */
  toolsGo?: string;
  /** `go.toolsGopath`: where the Go extension installs its tools, looked at before GOPATH. */
  toolsGopath?: string;
  /**
   * The "gopls" settings the editor's gopls gets (the Go extension sends them as initializationOptions
   * and answers workspace/configuration with them): the user's, and the workspace's only where the
   * workspace is trusted. The doctor's own gopls runs with them, so it loads what the editor's loads.
   */
  goplsSettings?: Record<string, unknown>;
  /** `go.languageServerFlags`, to find `-logfile`. */
  goplsFlags?: string[];
  /** The variables go.toolsEnvVars put into the environment the tools get: where such a value came from. */
  toolsEnvVarsKeys?: string[];
  /** `go.goroot` as the Go extension applies it (a directory): the GOROOT it gives go and gopls, over go.toolsEnvVars'. */
  goroot?: string;
  /**
   * goplsFlags came from a workspace's settings: checked (a -logfile's folder is looked at), but in
   * Restricted Mode the file a workspace names is never opened for reading.
   */
  goplsFlagsFromWorkspace?: boolean;
  /** False in VS Code's Restricted Mode: never execute a binary named by workspace settings. */
  trustWorkspaceBinaries?: boolean;
  /** Where the workspace's binaries came from, for the Restricted Mode explanation. */
  alternateGoplsFromWorkspace?: boolean;
  /** Extension setting: more gopls logs to analyse, beside the CLI's --gopls-log. */
  extraLogPaths?: string[];
  /** dirname(context.logUri): the Go extension's persisted channels are in its golang.go/ folder. */
  editorLogDir?: string;
  /**
   * The doctor runs inside the editor's extension host, whose threads stay when the diagnosis
   * ends: they count against RLIMIT_NPROC. The CLI's own threads do not (they are gone before
   * the user's next build).
   */
  hostIsEditor?: boolean;
  /**
   * The editor settings gopls and the Go extension read (the top-level keys "gopls" and "go.*"), one
   * entry per place they were set. The extension passes its live configuration; without it (the
   * CLI) the settings probe reads the settings.json files itself.
   */
  editorSettings?: EditorSettingsSource[];
  /** The Go extension's declared settings and their deprecation messages (its package.json). */
  goExtensionManifest?: GoExtensionManifest;
  /** The user asked for the online check (CLI --online, the panel's button): ask GOPROXY for one dependency. */
  online?: boolean;
  /**
   * The shell terminal fixes are typed or pasted into, as a path or name: the editor's default
   * terminal shell (vscode.env.shell), the CLI's $SHELL. Their words are quoted for it
   * (src/fixes/terminalGuard.ts); absent, they are bash's.
   */
  shell?: string;
  /**
   * Run the login shell even if the cache between runs holds its environment (CLI --no-cache; the
   * extension's first run in a window). Its answer is stored all the same.
   */
  noCache?: boolean;
}

export interface EditorSettingsSource {
  /** A settings.json path, or "VS Code user settings" for the live configuration. */
  source: string;
  values: Record<string, unknown>;
  /** The line of each key ("go.formatTool", "gopls\u0000analyses\u0000foo"), when read from a file. */
  lines?: Record<string, number>;
  /** Why the file could not be used. */
  error?: string;
  /** The first JSON error of a file read in spite of it (VS Code reads around it, but will not write to it). */
  syntaxError?: {
    line: number;
    code: string;
    text: string;
    /** Top-level keys the error moved into an object left open (a missing `}` after "gopls": { …), where each was read. */
    misplaced?: Array<{ into: string; key: string; line: number }>;
  };
}

export interface GoExtensionManifest {
  version: string;
  /** Where it was read: a package.json path, or the installed extension. */
  source: string;
  properties: Record<string, { deprecationMessage?: string }>;
}

/** The whole run's deadline unless the user sets another (--timeout-ms, goEnvDoctor.runTimeoutMs). */
export const DEFAULT_TIMEOUT_MS = 8000;
