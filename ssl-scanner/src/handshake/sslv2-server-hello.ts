import { ByteReader, MalformedMessageError } from './byte-reader.ts';

export interface Sslv2ServerHello {
  readonly version: number;
  readonly cipherSpecs: readonly number[];
  /** The server's certificate (DER), sent in the clear by SSL 2.0. */
  readonly certificate: Uint8Array;
}

/** Length of an SSL 2.0 record at the start of `bytes` with its header size, or undefined if it is not one. */
export const sslv2RecordLength = (bytes: Uint8Array): { header: number; length: number } | undefined => {
  const first = bytes[0] ?? 0;
  const second = bytes[1] ?? 0;
  if (bytes.length < 3) return undefined;
  return first & 0x80
    ? { header: 2, length: ((first & 0x7f) << 8) | second }
    : { header: 3, length: ((first & 0x3f) << 8) | second };
};

/** Parses an SSL 2.0 SERVER-HELLO message (type 4) from the body of its record. */
export const parseSslv2ServerHello = (body: Uint8Array): Sslv2ServerHello => {
  const reader = new ByteReader(body);
  const type = reader.uint(1, 'SSLv2 message type');
  if (type !== 4) throw new MalformedMessageError(`SSLv2 message type ${type}, not SERVER-HELLO (4)`);
  reader.uint(1, 'SSLv2 session id hit');
  reader.uint(1, 'SSLv2 certificate type');
  const version = reader.uint(2, 'SSLv2 server version');
  const certificateLength = reader.uint(2, 'SSLv2 certificate length');
  const specsLength = reader.uint(2, 'SSLv2 cipher specs length');
  const connectionIdLength = reader.uint(2, 'SSLv2 connection id length');
  const certificate = reader.bytes(certificateLength, 'SSLv2 certificate');
  if (specsLength % 3 !== 0) throw new MalformedMessageError(`SSLv2 cipher specs of ${specsLength} bytes`);
  const specs = new ByteReader(reader.bytes(specsLength, 'SSLv2 cipher specs'));
  const cipherSpecs: number[] = [];
  while (specs.remaining > 0) cipherSpecs.push(specs.uint(3, 'SSLv2 cipher spec'));
  reader.bytes(connectionIdLength, 'SSLv2 connection id');
  return { version, cipherSpecs, certificate };
};
