import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const goEnvProbe: Probe = {
  id: 'go-env',
  title: 'Go environment (go env)',
  classes: ['env-inheritance', 'module-resolution', 'fs-access', 'gopls-launch'],
  async run() {
    return skipped('not implemented yet');
  },
};
