export type ProtocolVersion = 'SSLv2' | 'SSLv3' | 'TLSv1.0' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export const protocolVersions: readonly ProtocolVersion[] = [
  'SSLv2',
  'SSLv3',
  'TLSv1.0',
  'TLSv1.1',
  'TLSv1.2',
  'TLSv1.3',
];

/** Wire values of SSL 3.0 and TLS (SSL 2.0 has its own record format and value 0x0002). */
export const versionCodes: Record<Exclude<ProtocolVersion, 'SSLv2'>, number> = {
  SSLv3: 0x0300,
  'TLSv1.0': 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
};

export const versionByCode = (code: number): ProtocolVersion | undefined =>
  code === 0x0002
    ? 'SSLv2'
    : (Object.entries(versionCodes).find(([, value]) => value === code)?.[0] as ProtocolVersion | undefined);
