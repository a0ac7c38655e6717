import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { persistedChannelLogs } from '../../../src/vscode/editorLogs.js';

describe('persistedChannelLogs', () => {
  let t: string | undefined;
  afterEach(() => t && rmSync(t, { recursive: true, force: true }));

  it('finds the "gopls (server)" channel in every output_logging folder, newest first (layout of a code-server 4.100.3 exthost1 log dir)', () => {
    t = mkdtempSync(path.join(os.tmpdir(), 'ged-exthost-'));
    const files = [
      'output_logging_20261124T184849/1-gopls (server).log',
      'output_logging_20261124T184849/2-gopls.log',
      'output_logging_20261124T190102/3-gopls (server).log',
      'go-env-doctor.go-env-doctor/Go Environment Doctor.log',
      'vscode.git/Git.log',
      'remoteexthost.log',
    ];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(t, f)), { recursive: true });
      writeFileSync(path.join(t, f), '');
    }
    expect(persistedChannelLogs(t)).toEqual([path.join(t, 'output_logging_20261124T190102/3-gopls (server).log'), path.join(t, 'output_logging_20261124T184849/1-gopls (server).log')]);
  });

  it('is empty when the folder does not exist', () => {
    expect(persistedChannelLogs('/nonexistent/exthost1')).toEqual([]);
  });
});
