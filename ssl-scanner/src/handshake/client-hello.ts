import { randomBytes } from 'node:crypto';
import { uint8, uint16, uint24, vector } from './byte-reader.ts';
import { keyShares } from './key-shares.ts';
import type { ProtocolVersion } from './protocol-versions.ts';
import { versionCodes } from './protocol-versions.ts';
import { tls12CurveCodes, tls13GroupCodes } from './registry/groups.ts';

export interface ClientHelloOptions {
  readonly version: Exclude<ProtocolVersion, 'SSLv2'>;
  readonly cipherSuites: readonly number[];
  /** Sent as server_name unless absent (an address has no name to send). */
  readonly serverName?: string;
  /** supported_groups; by default every group the version can use. */
  readonly groups?: readonly number[];
  /** TLS 1.3 key_share entries; by default X25519 and secp256r1 among the offered groups. */
  readonly keyShareGroups?: readonly number[];
}

const extension = (type: number, body: Uint8Array): Buffer => Buffer.concat([uint16(type), vector(2, body)]);

/** RFC 8446 4.2.3 plus the SHA-1 and legacy schemes older servers still sign with. */
const signatureSchemes = [
  0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0401, 0x0501,
  0x0601, 0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602, 0x0203, 0x0201, 0x0202,
];

const serverNameExtension = (name: string): Buffer =>
  extension(0x0000, vector(2, uint8(0), vector(2, Buffer.from(name, 'ascii'))));

const keyShareExtension = (groups: readonly number[]): Buffer => {
  const shares = keyShares();
  const entries = groups.flatMap((group) => {
    const key = shares.get(group);
    return key === undefined ? [] : [Buffer.concat([uint16(group), vector(2, key)])];
  });
  return extension(0x0033, vector(2, ...entries));
};

const extensions = (options: ClientHelloOptions): Buffer[] => {
  const tls13 = options.version === 'TLSv1.3';
  const groups = options.groups ?? (tls13 ? tls13GroupCodes : [...tls12CurveCodes, 256, 257, 258, 259, 260]);
  return [
    ...(options.serverName === undefined ? [] : [serverNameExtension(options.serverName)]),
    extension(0x000a, vector(2, ...groups.map(uint16))),
    // uncompressed, ansiX962_compressed_prime, ansiX962_compressed_char2
    extension(0x000b, vector(1, uint8(0), uint8(1), uint8(2))),
    extension(0x000d, vector(2, ...signatureSchemes.map(uint16))),
    // renegotiation_info, empty: RFC 5746's initial handshake
    extension(0xff01, vector(1)),
    ...(tls13
      ? [
          extension(0x002b, vector(1, uint16(0x0304))),
          // psk_dhe_ke: some servers refuse a 1.3 hello without psk_key_exchange_modes
          extension(0x002d, vector(1, uint8(1))),
          keyShareExtension((options.keyShareGroups ?? [29, 23]).filter((group) => groups.includes(group))),
        ]
      : []),
  ];
};

/** RFC 7685 padding: some servers drop hellos of 256 to 511 bytes, so such hellos are padded to 512. */
const padded = (body: Buffer, extensionBytes: Buffer[]): Buffer[] => {
  const length = body.length + 4 + Buffer.concat(extensionBytes).length + 2;
  if (length < 256 || length >= 512) return extensionBytes;
  const padding = Math.max(0, 512 - length - 4);
  return [...extensionBytes, extension(0x0015, Buffer.alloc(padding))];
};

const record = (contentType: number, recordVersion: number, body: Buffer): Buffer =>
  Buffer.concat([uint8(contentType), uint16(recordVersion), vector(2, body)]);

/** A whole ClientHello record for SSL 3.0 to TLS 1.3 (RFC 6101, 2246, 4346, 5246, 8446). */
export const clientHello = (options: ClientHelloOptions): Buffer => {
  const legacyVersion = options.version === 'TLSv1.3' ? 0x0303 : versionCodes[options.version];
  const fixed = Buffer.concat([
    uint16(legacyVersion),
    randomBytes(32),
    // a session id makes middleboxes treat a 1.3 hello as a 1.2 resumption (RFC 8446 D.4)
    vector(1, options.version === 'TLSv1.3' ? randomBytes(32) : Buffer.alloc(0)),
    vector(2, ...options.cipherSuites.map(uint16)),
    vector(1, uint8(0)),
  ]);
  // SSL 3.0 servers may refuse extensions they were never taught to skip
  const extensionBytes = options.version === 'SSLv3' ? [] : padded(fixed, extensions(options));
  const body = extensionBytes.length === 0 ? fixed : Buffer.concat([fixed, vector(2, ...extensionBytes)]);
  const handshake = Buffer.concat([uint8(1), uint24(body.length), body]);
  // record version 0x0301 for TLS: the lowest common value old servers accept (RFC 8446 5.1 allows it)
  return record(22, options.version === 'SSLv3' ? 0x0300 : 0x0301, handshake);
};

/** An SSL 2.0 CLIENT-HELLO (two-byte record header, message type 1, version 0x0002, 16-byte challenge). */
export const sslv2ClientHello = (cipherCodes: readonly number[]): Buffer => {
  const specs = Buffer.concat(
    cipherCodes.map((code) => Buffer.from([(code >> 16) & 0xff, (code >> 8) & 0xff, code & 0xff])),
  );
  const challenge = randomBytes(16);
  const body = Buffer.concat([
    uint8(1),
    uint16(0x0002),
    uint16(specs.length),
    uint16(0),
    uint16(16),
    specs,
    challenge,
  ]);
  return Buffer.concat([uint16(0x8000 | body.length), body]);
};
