// The messages across the webview boundary: one union per direction, validated with zod on
// arrival on both sides. The webview sends ids only; the extension looks the fix up in the report
// it built itself, so a compromised or confused webview cannot make it run anything else.
// Imported by webview/main.ts too: no node or vscode imports here.
import { z } from 'zod';
import { ClassIdSchema, ReportSchema } from '../doctor/model.js';

const id = z.string().min(1).max(200);

export const ToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('rerun') }).strict(),
  z.object({ type: z.literal('applyFix'), causeId: ClassIdSchema, fixId: id }).strict(),
  z.object({ type: z.literal('recordTrace') }).strict(),
  /** Run again with the opt-in online check: ask GOPROXY for one dependency (CLI --online). */
  z.object({ type: z.literal('checkOnline') }).strict(),
  z.object({ type: z.literal('copyMarkdown') }).strict(),
  z.object({ type: z.literal('saveJson') }).strict(),
  /** Stops the run in progress (a trace being recorded, a slow diagnosis). */
  z.object({ type: z.literal('cancel') }).strict(),
  /** Open a new gopls issue in the browser, pre-filled from the current report (the user submits it). */
  z.object({ type: z.literal('reportToGopls') }).strict(),
  /** From the crash card: the Go extension's "Restart Language Server". */
  z.object({ type: z.literal('restartGopls') }).strict(),
]);
export type ToExtension = z.infer<typeof ToExtensionSchema>;

export const RecheckSchema = z.object({
  causeId: ClassIdSchema,
  fixId: id,
  /** pending while the class's probes run again after the fix. */
  result: z.enum(['pending', 'gone', 'still-there', 'not-applied']),
  message: z.string(),
});
export type Recheck = z.infer<typeof RecheckSchema>;

export const StateSchema = z
  .object({
    type: z.literal('state'),
    report: ReportSchema.nullable(),
    running: z.boolean(),
    /** Restricted Mode: workspace-named binaries are not executed. */
    restricted: z.boolean(),
    restrictedNote: z.string().optional(),
    recheck: RecheckSchema.optional(),
    /** Why the last run happened, e.g. "gopls crashed: signal: killed". */
    trigger: z.string().optional(),
    /** The last run failed outright (the doctor itself, not a probe). */
    error: z.string().optional(),
    /** A one-line outcome of the last action (copied, saved, cache cleared …). */
    notice: z.string().optional(),
    /** A trace is being recorded: the panel counts down to endsAt (epoch ms) and offers Cancel. */
    tracing: z.object({ endsAt: z.number(), seconds: z.number() }).strict().optional(),
  })
  .strict();
export type State = z.infer<typeof StateSchema>;

export const ProgressSchema = z
  .object({
    type: z.literal('progress'),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** The probe that just finished (or the run's first step). */
    probe: z.string(),
    status: z.string().optional(),
  })
  .strict();
export type Progress = z.infer<typeof ProgressSchema>;

export const ToWebviewSchema = z.discriminatedUnion('type', [StateSchema, ProgressSchema]);
export type ToWebview = z.infer<typeof ToWebviewSchema>;

/** Parse a message from the webview; undefined (never a throw) for anything malformed. */
export function parseToExtension(msg: unknown): ToExtension | undefined {
  const r = ToExtensionSchema.safeParse(msg);
  return r.success ? r.data : undefined;
}

export function parseToWebview(msg: unknown): ToWebview | undefined {
  const r = ToWebviewSchema.safeParse(msg);
  return r.success ? r.data : undefined;
}
