// The rule table: every family's rules, in the order order.ts gives. A rule missing from the
// order, or an id given twice, fails here at load, so every test that reads a rule fails with it.
import { DOWNLOAD_RULES } from './downloads.js';
import { ENV_RULES } from './env.js';
import { FS_ACCESS_RULES } from './fsAccess.js';
import { LAUNCH_RULES } from './launch.js';
import { MEMORY_RULES } from './memory.js';
import { MODULE_RULES } from './modules.js';
import { MOUNT_RULES } from './mounts.js';
import { RULE_ORDER, type RuleId } from './order.js';
import { POLICY_RULES } from './policies.js';
import { PROCESS_RULES } from './processes.js';
import type { Rule } from './rule.js';
import { WATCH_RULES } from './watch.js';

export type { Rule } from './rule.js';
export type { RuleId } from './order.js';

function inOrder(families: ReadonlyArray<readonly Rule[]>): readonly Rule[] {
  const byId = new Map<RuleId, Rule>();
  for (const r of families.flat()) {
    if (byId.has(r.id)) throw new Error(`rule ${r.id} is defined twice`);
    byId.set(r.id, r);
  }
  if (new Set(RULE_ORDER).size !== RULE_ORDER.length) throw new Error('rules/order.ts names a rule twice');
  const rules = RULE_ORDER.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`rule ${id} is in rules/order.ts but in no family's file`);
    return r;
  });
  // The other way needs no check: a rule's id is a RuleId, so the type checker keeps every rule in the order.
  return rules;
}

export const RULES: readonly Rule[] = inOrder([ENV_RULES, LAUNCH_RULES, MODULE_RULES, DOWNLOAD_RULES, WATCH_RULES, MEMORY_RULES, PROCESS_RULES, MOUNT_RULES, FS_ACCESS_RULES, POLICY_RULES]);

export function ruleById(id: RuleId): Rule {
  const r = RULES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown rule ${id}`);
  return r;
}
