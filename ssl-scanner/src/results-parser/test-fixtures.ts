import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeTlsObservations, type TlsObservations } from '../scan-task/index.ts';

/** Real scans of local openssl servers, as the lake stores them (see test-data/regenerate.ts). */
export const testDataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-data');

export const fixtureNames = [
  'intermediate-with-names',
  'legacy-self-signed',
  'tls13-only',
  'rotation-before',
  'rotation-after',
  'refused',
  'out-of-scope',
] as const;

export type FixtureName = (typeof fixtureNames)[number];

export const fixtureBytes = (name: FixtureName): Uint8Array =>
  new Uint8Array(readFileSync(join(testDataDir, `${name}.json.gz`)));

export const readFixture = (name: FixtureName): TlsObservations =>
  decodeTlsObservations(fixtureBytes(name), name);

/** The private root the fixtures' chains lead to, for parses that judge trust as if it were in the store. */
export const fixtureRoots = (): string[] => [readFileSync(join(testDataDir, 'test-root.pem'), 'utf8')];

export const fixtureSource = (name: FixtureName) => ({
  bucket: 'sec-an-test-ssl-scanner-ssl-scanner-raw-results',
  key: `raw/2026/11/22/fixture/${name}.json.gz`,
});
