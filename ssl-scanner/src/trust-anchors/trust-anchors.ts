import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { parameterName, type ReadOptions, readParameter } from '@sec-an/runtime/parameters';
import { z } from 'zod';
import type { RootCertificates } from '../certificates/index.ts';

/**
 * `/{app}/{stage}/ssl-scanner/trust-anchors/definition`: `{"roots": [PEM...]}`, the organisation's own CAs that
 * the parser trusts besides Mozilla's store, so an internal service signed by the internal CA is not graded T.
 */
export const trustAnchorsParameter = {
  project: 'ssl-scanner',
  thing: 'trust-anchors',
  attribute: 'definition',
} as const;

/** A standard SSM parameter's limit: larger bundles need another home, not a silent truncation. */
export const trustAnchorsMaxCharacters = 4096;

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const definitionSchema = z.object({ roots: z.array(z.string()) }).strict();

/** Each root must read as a certificate and be a CA: a leaf given by mistake would trust one server only. */
const checkedRoot = (pem: string, position: number, source: string): string => {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (error) {
    throw new ConfigurationError(`${source}: root ${position} is not a PEM certificate: ${String(error)}`);
  }
  if (!certificate.ca) {
    throw new ConfigurationError(
      `${source}: root ${position} (${certificate.subject.replaceAll('\n', ', ')}) is not a CA certificate`,
    );
  }
  return pem;
};

/** The roots of a PEM bundle (a deploy setting), checked, as the parameter's JSON. */
export const trustAnchorsDefinition = (pemBundle: string, source = 'trust anchors'): string => {
  const roots = [...pemBundle.matchAll(pemBlock)].map((match, i) => checkedRoot(match[0], i, source));
  if (pemBundle.trim() !== '' && roots.length === 0) {
    throw new ConfigurationError(`${source} holds no PEM certificate`);
  }
  const definition = JSON.stringify({ roots });
  if (definition.length > trustAnchorsMaxCharacters) {
    throw new ConfigurationError(
      `${source} is ${definition.length} characters as JSON; an SSM parameter holds ${trustAnchorsMaxCharacters}`,
    );
  }
  return definition;
};

/** The extra roots of a definition's JSON; every problem is a ConfigurationError naming the source. */
export const parseTrustAnchors = (text: string, source = 'trust anchors'): string[] => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigurationError(`${source} is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const parsed = definitionSchema.safeParse(value);
  if (!parsed.success) throw new ConfigurationError(`${source} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data.roots.map((pem, i) => checkedRoot(pem, i, source));
};

const storeByDefinition = new Map<string, RootCertificates>();

/**
 * Mozilla's store plus the organisation's roots, read at call time so an operator's change reaches the next
 * parse without a deploy. The same definition gives the same array, so the analysis indexes the roots once.
 */
export const readTrustAnchors = async (options: ReadOptions = {}): Promise<RootCertificates> => {
  const text = await readParameter(trustAnchorsParameter, options);
  const known = storeByDefinition.get(text);
  if (known !== undefined) return known;
  const roots = [...rootCertificates, ...parseTrustAnchors(text, parameterName(trustAnchorsParameter))];
  storeByDefinition.clear();
  storeByDefinition.set(text, roots);
  return roots;
};
