import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const goplsLogsProbe: Probe = {
  id: 'gopls-logs',
  title: 'gopls server logs and traces',
  classes: ['gopls-launch', 'env-inheritance', 'module-resolution', 'file-watch', 'memory-limit', 'process-limit', 'noexec-mount', 'fs-access', 'mac-policy'],
  async run() {
    return skipped('not implemented yet');
  },
};
