// The commands this extension contributes, as data. package.json `contributes.commands` must list
// exactly these (a unit test checks it); extension.ts maps every id to a handler, and the
// Record<CommandId, …> type makes a missing handler a compile error.
export const COMMANDS = [
  { id: 'goEnvDoctor.diagnose', title: 'Diagnose Environment' },
  { id: 'goEnvDoctor.recordTraceAndDiagnose', title: 'Record gopls Trace and Diagnose' },
  { id: 'goEnvDoctor.copyReportMarkdown', title: 'Copy Environment Report as Markdown' },
  { id: 'goEnvDoctor.clearGoplsCache', title: 'Clear gopls Cache' },
  { id: 'goEnvDoctor.showReport', title: 'Show Environment Report' },
] as const;

export const COMMAND_CATEGORY = 'Go';

export type CommandId = (typeof COMMANDS)[number]['id'];

export const VIEW_TYPE = 'goEnvDoctor.report';
export const PANEL_TITLE = 'Go Environment Doctor';
export const STATUS_ITEM_ID = 'goEnvDoctor.status';
export const OUTPUT_CHANNEL = 'Go Environment Doctor';
export const GO_EXTENSION_ID = 'golang.go';
export const GO_RESTART_COMMAND = 'go.languageserver.restart';
/** How long "Record gopls Trace and Diagnose" records. */
export const TRACE_SECONDS = 10;
