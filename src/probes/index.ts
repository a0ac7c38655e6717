// Every probe the doctor runs, in display order. One file per concern.
import type { Probe } from './probe.js';
import { goplsProbe } from './gopls.js';
import { goEnvProbe } from './goEnv.js';
import { loginShellProbe } from './loginShell.js';
import { modulesProbe } from './modules.js';
import { inotifyProbe } from './inotify.js';
import { cgroupsProbe } from './cgroups.js';
import { processLimitsProbe } from './processLimits.js';
import { mountsProbe } from './mounts.js';
import { fileAccessProbe } from './fileAccess.js';
import { macPolicyProbe } from './macPolicy.js';
import { goplsLogsProbe } from './goplsLogs.js';
import { cgoProbe } from './cgo.js';
import { afterRunProbe } from './afterRun.js';
import { moduleDownloadsProbe } from './moduleDownloads.js';
import { goproxyOnlineProbe } from './goproxyOnline.js';
import { buildConstraintsProbe } from './buildConstraints.js';
import { goToolsProbe } from './goTools.js';
import { editorSettingsProbe } from './editorSettings.js';
import { goEnvChangedProbe } from './goEnvChanged.js';

export function allProbes(): Probe[] {
  return [goplsProbe, goEnvProbe, loginShellProbe, modulesProbe, moduleDownloadsProbe, cgoProbe, buildConstraintsProbe, goToolsProbe, editorSettingsProbe, goEnvChangedProbe, inotifyProbe, cgroupsProbe, processLimitsProbe, mountsProbe, fileAccessProbe, macPolicyProbe, goplsLogsProbe, goproxyOnlineProbe, afterRunProbe];
}
