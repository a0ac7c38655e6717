// gopls log intelligence: the streaming analyzer, its per-line readers, log discovery, the crash
// verdict and the trace recorder. Bundled on its own as dist/goplsLog.js for the benchmark.
export { LogAnalyzer, analyzeText, MAX_LINE_BYTES } from './analyzer.js';
export type { LogSummary, LogEvent, CrashRecord, MethodLatency, SlowRequest, ErrorReplies, GoFailureRecord, ServerStart } from './analyzer.js';
export { RULES, NEEDLES, SCREEN, needlesAsERE, matchRules, type Rule, type RuleId } from './rules.js';
export * from './lines.js';
export { readLogFile, progressText, type ReadLogResult, type ReadLogOptions } from './read.js';
export { discoverGoplsLogs, logfileFromFlags, orderEditorChannelFiles, AUTO_LOG_NAME, EDITOR_CHANNEL_NAME, type FoundLog, type LogOrigin } from './discover.js';
export { crashVerdict, parseKernelOomKills, maxStartsWithin, DEFAULT_CRASH_LOOP, type CrashInput, type CrashVerdict, type CrashKind } from './crashVerdict.js';
