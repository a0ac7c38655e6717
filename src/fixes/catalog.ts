// Fixes more than one probe offers. A fix id means one thing in every report: ranking keeps the
// first fix of an id within a cause, so two probes must never build different fixes under one id.
import type { Fix } from '../doctor/model.js';

export const RESTART_GOPLS: Fix = { id: 'gopls-restart', kind: 'command', title: 'Restart gopls', command: 'go.languageserver.restart', detail: 'Starts gopls again with the current settings.' };

export const GOPLS_WORKSPACE_DOCS: Fix = { id: 'gopls-workspace-docs', kind: 'link', title: 'How gopls finds modules in a workspace', url: 'https://go.dev/gopls/workspace' };

export const GOPLS_SUPPORT_POLICY: Fix = { id: 'gopls-support-policy', kind: 'link', title: "gopls's Go support policy", url: 'https://go.dev/s/gopls-support-policy' };

export const INSTALL_GO: Fix = { id: 'install-go', kind: 'link', title: 'Download and install Go', url: 'https://go.dev/doc/install' };

export const INSTALL_NEWER_GO: Fix = { id: 'install-newer-go', kind: 'link', title: 'Download and install a newer Go', url: 'https://go.dev/dl/' };
