// Redaction as a report leaves the doctor: every shape of issue 9 finding 4, placed where a real
// report carries it (a finding's message, an evidence excerpt, a probe's observed values, a fix),
// must be masked in the text report, the JSON and the Markdown alike; and a gopls panic message
// quoted three times (message, evidence, observed) is masked in each quote.
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Report } from '../../../src/doctor/model.js';
import { maskSecretShapes, redactAll } from '../../../src/doctor/secretShapes.js';
import { renderText } from '../../../src/render/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { jsonForTerminal } from '../../../src/render/controlChars.js';
import { reportOf } from '../../support/report.js';

// Each shape with the secret it must hide (distinct canaries, so a leak names its shape).
const SHAPES: Array<{ name: string; text: string; secret: string }> = [
  { name: 'PASSWORD=', text: 'PASSWORD=cnry-pw-a1', secret: 'cnry-pw-a1' },
  { name: 'TOKEN=', text: 'TOKEN=cnry-tok-a2', secret: 'cnry-tok-a2' },
  { name: 'SECRET=', text: 'SECRET=cnry-sec-a3', secret: 'cnry-sec-a3' },
  { name: 'JSON MY_TOKEN', text: '{"MY_TOKEN": "cnry-json-a4"}', secret: 'cnry-json-a4' },
  { name: 'JSON Authorization', text: '{"Authorization":"Basic Y25yeS1qc29uLWJhc2ljLWE1"}', secret: 'Y25yeS1qc29uLWJhc2ljLWE1' },
  { name: 'Proxy-Authorization', text: 'Proxy-Authorization: Basic Y25yeS1wcm94eS1hNg==', secret: 'Y25yeS1wcm94eS1hNg==' },
  { name: 'X-Api-Key', text: 'X-Api-Key: cnry-xapi-a7', secret: 'cnry-xapi-a7' },
  { name: 'X-Auth-Token', text: 'X-Auth-Token: cnry-xauth-a8', secret: 'cnry-xauth-a8' },
  { name: 'Cookie', text: 'Cookie: a=1; sid=cnry-cookie-a9', secret: 'cnry-cookie-a9' },
  { name: 'netrc', text: 'machine h login u password cnry-netrc-b1', secret: 'cnry-netrc-b1' },
  { name: '--password', text: 'login --password cnry-flag-b2', secret: 'cnry-flag-b2' },
  { name: "'password': '…'", text: "{'password': 'cnry-py-b3'}", secret: 'cnry-py-b3' },
  { name: 'PEM private key', text: '-----BEGIN PRIVATE KEY-----\nMIIEvQcnryPEMb4AAAA\n-----END PRIVATE KEY-----', secret: 'cnryPEMb4' },
  { name: 'GOPROXY path token', text: 'GOPROXY=https://goproxy.corp.example/cnryPathToken0b5x9z8y7w/go', secret: 'cnryPathToken0b5x9z8y7w' },
  { name: 'GOFLAGS value', text: 'GOFLAGS=-mod=mod -header=X-Corp:cnry-goflags-b6', secret: 'cnry-goflags-b6' },
  // Shapes only secretlint's preset knows (SendGrid, Shopify, Linear): the maintained rules run too.
  { name: 'SendGrid key (secretlint)', text: 'SG.cnryb8abcdefghijklmnop.qrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW', secret: 'cnryb8abcdefghijklmnop' },
  { name: 'Shopify token (secretlint)', text: 'key shpat_0123456789abcdef0123456789abcdef in use', secret: 'shpat_0123456789abcdef' },
  { name: 'Linear key (secretlint)', text: 'lin_api_cnryc2abcdefghijklmnopqrstuvwxyz0123456789ABCD', secret: 'cnryc2abcdefghij' },
];

function reportWith(text: string): Report {
  const finding = FindingSchema.parse({
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.9,
    message: `gopls panicked: ${text}`,
    evidence: [{ source: '/tmp/gopls.log', excerpt: `panic: ${text}\n\ngoroutine 1 [running]:`, line: 3 }],
    fixes: [{ id: 'f', kind: 'terminal', title: `Retry with ${text}`, text: 'go version', needsRoot: false }],
  });
  return reportOf({
    goplsLogs: ['/tmp/gopls.log'],
    causes: rankCauses([finding]),
    probes: [{ id: 'gopls-logs', title: 'Logs', status: 'fail', durationMs: 3, classes: ['gopls-launch'], observed: { lastPanic: `panic: ${text}`, GOFLAGS: '-mod=mod -header=X-Corp:cnry-goflags-b6' }, findingCount: 1 }],
  });
}

describe('a report is redacted in every format', () => {
  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const raw = reportWith(shape.text);
      expect(JSON.stringify(raw)).toContain(shape.secret.slice(0, 8));
      const report = await redactAll(raw, {});
      const outputs = {
        text: renderText(report, { color: false, verbose: true }),
        json: jsonForTerminal(report),
        markdown: renderMarkdown(report),
      };
      for (const [format, out] of Object.entries(outputs)) {
        expect(out, `${format} leaks ${shape.name}`).not.toContain(shape.secret);
        expect(out, format).toContain('***');
      }
      // The panic message is quoted three times (message, evidence, observed): masked in each.
      expect(outputs.json.split('***').length - 1, 'masks in JSON').toBeGreaterThanOrEqual(3);
    });
  }

  it('observed GOFLAGS keeps build flags and masks the rest', async () => {
    const report = await redactAll(reportWith('x'), {});
    expect(report.probes[0]!.observed.GOFLAGS).toBe('-mod=mod -header=***');
  });

  it('a "secretlint-disable" comment inside the data does not switch detection off', async () => {
    const [out] = await maskSecretShapes(['// secretlint-disable\nnpm_cnryNPMb9abcdefghijklmnopqrstuvwxyz012']);
    expect(out).not.toContain('cnryNPMb9');
  });

  it('strings that share nothing with a secret come back unchanged, in order', async () => {
    const texts = ['/home/u/go/pkg/mod', 'gopls v0.23.0', '', 'ghp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA then more'];
    expect(await maskSecretShapes(texts)).toEqual(['/home/u/go/pkg/mod', 'gopls v0.23.0', '', '*** then more']);
  });
});
