import { ByteReader, MalformedMessageError } from './byte-reader.ts';

export interface ServerHello {
  /** The version the server chose: supported_versions when present, else the legacy field. */
  readonly version: number;
  readonly legacyVersion: number;
  readonly cipherSuite: number;
  readonly compression: number;
  readonly sessionIdLength: number;
  /** A TLS 1.3 HelloRetryRequest (RFC 8446 4.1.3): the server wants a key share for `keyShareGroup`. */
  readonly helloRetryRequest: boolean;
  /** The group of the server's key share, or the group a HelloRetryRequest asks for. */
  readonly keyShareGroup?: number;
  readonly extensions: readonly number[];
  /** RFC 8446 4.1.3: the last eight random bytes say a TLS 1.3 server was asked for less than it supports. */
  readonly downgradeSentinel?: 'tls12' | 'tls11-or-below';
}

const helloRetryRandom = Buffer.from(
  'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c',
  'hex',
);
const downgradePrefix = Buffer.from('DOWNGRD', 'ascii');

const sentinel = (random: Uint8Array): ServerHello['downgradeSentinel'] => {
  const tail = Buffer.from(random.subarray(24));
  if (!tail.subarray(0, 7).equals(downgradePrefix)) return undefined;
  if (tail[7] === 0x01) return 'tls12';
  return tail[7] === 0x00 ? 'tls11-or-below' : undefined;
};

interface ExtensionValues {
  readonly types: number[];
  selectedVersion?: number;
  keyShareGroup?: number;
}

const readExtensions = (reader: ByteReader): ExtensionValues => {
  const values: ExtensionValues = { types: [] };
  if (reader.remaining === 0) return values;
  const list = new ByteReader(reader.vector(2, 'ServerHello extensions'));
  while (list.remaining > 0) {
    const type = list.uint(2, 'extension type');
    const body = new ByteReader(list.vector(2, `extension ${type}`));
    values.types.push(type);
    if (type === 0x002b) values.selectedVersion = body.uint(2, 'supported_versions');
    if (type === 0x0033) values.keyShareGroup = body.uint(2, 'key_share group');
  }
  return values;
};

/** Parses a ServerHello body (after the handshake header). */
export const parseServerHello = (body: Uint8Array): ServerHello => {
  const reader = new ByteReader(body);
  const legacyVersion = reader.uint(2, 'ServerHello version');
  const random = reader.bytes(32, 'ServerHello random');
  const sessionIdLength = reader.vector(1, 'ServerHello session id').length;
  if (sessionIdLength > 32)
    throw new MalformedMessageError(`ServerHello session id of ${sessionIdLength} bytes`);
  const cipherSuite = reader.uint(2, 'ServerHello cipher suite');
  const compression = reader.uint(1, 'ServerHello compression');
  const extensions = readExtensions(reader);
  reader.expectEnd('ServerHello');
  const downgradeSentinel = sentinel(random);
  return {
    version: extensions.selectedVersion ?? legacyVersion,
    legacyVersion,
    cipherSuite,
    compression,
    sessionIdLength,
    helloRetryRequest: Buffer.from(random).equals(helloRetryRandom),
    ...(extensions.keyShareGroup === undefined ? {} : { keyShareGroup: extensions.keyShareGroup }),
    extensions: extensions.types,
    ...(downgradeSentinel === undefined ? {} : { downgradeSentinel }),
  };
};
