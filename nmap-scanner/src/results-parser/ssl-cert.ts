import { asList, asRecord, asText, type ScriptValue } from './script-table.ts';

export interface DistinguishedName {
  /** `commonName=www.example.com/organizationName=Example`, as nmap prints it. */
  readonly text: string;
  readonly commonName?: string;
  readonly organization?: string;
  readonly country?: string;
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
}

export interface Certificate {
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  readonly subjectAltNames: readonly string[];
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly publicKeyType?: string;
  readonly publicKeyBits?: number;
  readonly publicKeyCurve?: string;
  readonly signatureAlgorithm?: string;
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly md5?: string;
  readonly sha1?: string;
  readonly sha256?: string;
  readonly pem?: string;
  readonly selfSigned: boolean;
  readonly extensions: readonly {
    readonly name: string;
    readonly value?: string;
    readonly critical: boolean;
  }[];
}

const distinguishedName = (value: ScriptValue | undefined): DistinguishedName => {
  const entries = Object.entries(asRecord(value)).flatMap(([name, field]) => {
    const text = asText(field);
    return text === undefined ? [] : [{ name, value: text }];
  });
  const find = (name: string) => entries.find((entry) => entry.name === name)?.value;
  return {
    text: entries.map(({ name, value: text }) => `${name}=${text}`).join('/'),
    ...optional('commonName', find('commonName')),
    ...optional('organization', find('organizationName')),
    ...optional('country', find('countryName')),
    attributes: entries,
  };
};

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** ssl-cert writes UTC times without a zone (`2026-12-21T21:52:30`), or with one in newer versions. */
export const certificateTime = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

const integer = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;

const subjectAltNamesOf = (extensions: Certificate['extensions']): string[] =>
  (extensions.find((extension) => extension.name === 'X509v3 Subject Alternative Name')?.value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const prefixed = (names: readonly string[], prefix: string): string[] =>
  names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length).trim());

/** The certificate in ssl-cert's structured output; undefined when the script found none. */
export const readCertificate = (value: ScriptValue): Certificate | undefined => {
  const certificate = asRecord(value);
  if (certificate.subject === undefined && certificate.pem === undefined) return undefined;
  const publicKey = asRecord(certificate.pubkey);
  const curveParameters = asRecord(asRecord(publicKey.ecdhparams).curve_params);
  const validity = asRecord(certificate.validity);
  const extensions = asList(certificate.extensions).map((entry) => {
    const extension = asRecord(entry);
    return {
      name: asText(extension.name) ?? 'unknown',
      ...optional('value', asText(extension.value)),
      critical: asText(extension.critical) === 'true',
    };
  });
  const subject = distinguishedName(certificate.subject);
  const issuer = distinguishedName(certificate.issuer);
  const subjectAltNames = subjectAltNamesOf(extensions);
  return {
    subject,
    issuer,
    subjectAltNames,
    dnsNames: prefixed(subjectAltNames, 'DNS:'),
    ipAddresses: prefixed(subjectAltNames, 'IP Address:'),
    ...optional('publicKeyType', asText(publicKey.type)),
    ...optional('publicKeyBits', integer(asText(publicKey.bits))),
    ...optional('publicKeyCurve', asText(curveParameters.curve)),
    ...optional('signatureAlgorithm', asText(certificate.sig_algo)),
    ...optional('notBefore', certificateTime(asText(validity.notBefore))),
    ...optional('notAfter', certificateTime(asText(validity.notAfter))),
    ...optional('md5', asText(certificate.md5)),
    ...optional('sha1', asText(certificate.sha1)),
    ...optional('sha256', asText(certificate.sha256)),
    ...optional('pem', asText(certificate.pem)),
    selfSigned: subject.text !== '' && subject.text === issuer.text,
    extensions,
  };
};
