// The webview names a fix by ids only; this finds it in the report the extension built itself.
import type { Cause, ClassId, Fix, Report } from '../doctor/model.js';

export function findFix(report: Report | undefined, causeId: ClassId, fixId: string): { cause: Cause; fix: Fix } | undefined {
  const cause = report?.causes.find((c) => c.id === causeId);
  const fix = cause?.fixes.find((f) => f.id === fixId);
  return cause && fix ? { cause, fix } : undefined;
}
