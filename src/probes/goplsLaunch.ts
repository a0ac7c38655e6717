import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const goplsLaunchProbe: Probe = {
  id: 'gopls',
  title: 'gopls launch and LSP handshake',
  classes: ['gopls-launch', 'module-resolution', 'env-inheritance'],
  async run() {
    return skipped('not implemented yet');
  },
};
