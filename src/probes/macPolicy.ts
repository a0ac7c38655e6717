import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const macPolicyProbe: Probe = {
  id: 'mac-policy',
  title: 'SELinux, AppArmor and seccomp',
  classes: ['mac-policy'],
  async run() {
    return skipped('not implemented yet');
  },
};
