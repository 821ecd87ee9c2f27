import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { analyseChain } from '../certificates/index.ts';
import { createTestPki, type TestPki } from '../test-servers/index.ts';
import { parseTrustAnchors, trustAnchorsDefinition } from './trust-anchors.ts';

const workDir = mkdtempSync(join(tmpdir(), 'sec-an-trust-anchors-'));
let pki: TestPki;
const pem = (path: string) => readFileSync(path, 'utf8');
const der = (path: string) =>
  new Uint8Array(Buffer.from(pem(path).replace(/-----[^-]+-----|\s/g, ''), 'base64'));

beforeAll(async () => {
  pki = await createTestPki(workDir);
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('trust anchors', () => {
  it('are none by default', () => {
    expect(parseTrustAnchors(trustAnchorsDefinition(''))).toEqual([]);
  });

  it("make a chain to the organisation's root trusted, which Mozilla's store alone does not", async () => {
    const leaf = await pki.issueLeaf('internal', { names: ['internal.example.test'] });
    const chain = [der(leaf.certificate), der(pki.intermediate.certificate)];
    const roots = parseTrustAnchors(trustAnchorsDefinition(`notes first\n${pem(pki.root.certificate)}`));
    const at = new Date();
    expect(analyseChain(chain, { at }).trusted).toBe(false);
    expect(analyseChain(chain, { at, roots }).trusted).toBe(true);
  });

  it('refuse a leaf given as a root, text without a certificate, and a definition that is not theirs', async () => {
    const leaf = await pki.issueLeaf('leaf', { names: ['leaf.example.test'] });
    expect(() => trustAnchorsDefinition(pem(leaf.certificate), 'SETTING')).toThrow(
      /SETTING: root 0 .* is not a CA certificate/,
    );
    expect(() => trustAnchorsDefinition('not a certificate', 'SETTING')).toThrow(ConfigurationError);
    expect(() => parseTrustAnchors('{"roots": "x"}', 'PARAM')).toThrow(/PARAM is invalid/);
    expect(() => parseTrustAnchors('{', 'PARAM')).toThrow(/PARAM is not JSON/);
  });
});
