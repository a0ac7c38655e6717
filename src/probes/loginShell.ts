import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const loginShellProbe: Probe = {
  id: 'login-shell',
  title: 'Editor vs login shell environment',
  classes: ['env-inheritance'],
  async run() {
    return skipped('not implemented yet');
  },
};
