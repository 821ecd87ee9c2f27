import { type Alert, alert } from './alerts.ts';
import { ByteReader, MalformedMessageError } from './byte-reader.ts';
import { parseServerHello, type ServerHello } from './server-hello.ts';
import { parseSslv2ServerHello, type Sslv2ServerHello, sslv2RecordLength } from './sslv2-server-hello.ts';

/** The server's handshake messages up to the point the scanner needs (all in the clear). */
export interface ServerFlight {
  readonly serverHello: ServerHello;
  /** DER certificates of a TLS <= 1.2 Certificate message, leaf first. */
  readonly certificates: readonly Uint8Array[];
  /** The raw ServerKeyExchange body, read against the chosen suite's key exchange by the caller. */
  readonly serverKeyExchange?: Uint8Array;
  /** The flight ended with ServerHelloDone, or the ServerHello was TLS 1.3's (the rest is encrypted). */
  readonly complete: boolean;
}

/** What the bytes received so far amount to. */
export type FlightReading =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'flight'; readonly flight: ServerFlight }
  | { readonly kind: 'sslv2'; readonly hello: Sslv2ServerHello }
  | { readonly kind: 'alert'; readonly alert: Alert }
  | { readonly kind: 'plain-http' }
  | { readonly kind: 'malformed'; readonly reason: string };

const maxRecordLength = 16_384 + 2_048;
const handshakeType = {
  serverHello: 2,
  certificate: 11,
  serverKeyExchange: 12,
  serverHelloDone: 14,
} as const;

interface Record {
  readonly type: number;
  readonly body: Uint8Array;
}

/** Splits complete records off the front of the bytes; a record the bytes end inside is left for later. */
const readRecords = (bytes: Uint8Array): Record[] => {
  const records: Record[] = [];
  let offset = 0;
  while (bytes.length - offset >= 5) {
    const type = bytes[offset] ?? 0;
    const major = bytes[offset + 1];
    const length = ((bytes[offset + 3] ?? 0) << 8) | (bytes[offset + 4] ?? 0);
    if (type < 20 || type > 23) throw new MalformedMessageError(`record type ${type} is not TLS`);
    if (major !== 3)
      throw new MalformedMessageError(`record version ${major}.${bytes[offset + 2]} is not TLS`);
    if (length > maxRecordLength)
      throw new MalformedMessageError(`record of ${length} bytes is over the limit`);
    if (bytes.length - offset - 5 < length) break;
    records.push({ type, body: bytes.subarray(offset + 5, offset + 5 + length) });
    offset += 5 + length;
  }
  return records;
};

const parseCertificates = (body: Uint8Array): Uint8Array[] => {
  const list = new ByteReader(new ByteReader(body).vector(3, 'certificate list'));
  const certificates: Uint8Array[] = [];
  while (list.remaining > 0) certificates.push(list.vector(3, 'certificate'));
  return certificates;
};

interface FlightState {
  serverHello?: ServerHello;
  certificates: Uint8Array[];
  serverKeyExchange?: Uint8Array;
  complete: boolean;
}

/** Applies one handshake message; returns true when the scanner has read all it needs. */
const applyMessage = (state: FlightState, type: number, body: Uint8Array): boolean => {
  if (state.serverHello === undefined && type !== handshakeType.serverHello) {
    throw new MalformedMessageError(`handshake message ${type} before the ServerHello`);
  }
  if (type === handshakeType.serverHello) {
    state.serverHello = parseServerHello(body);
    state.complete = state.serverHello.version === 0x0304 || state.serverHello.helloRetryRequest;
  }
  if (type === handshakeType.certificate) state.certificates = parseCertificates(body);
  if (type === handshakeType.serverKeyExchange) state.serverKeyExchange = body;
  if (type === handshakeType.serverHelloDone) state.complete = true;
  return state.complete;
};

const toFlight = (state: FlightState): FlightReading =>
  state.serverHello === undefined
    ? { kind: 'incomplete' }
    : {
        kind: 'flight',
        flight: {
          serverHello: state.serverHello,
          certificates: state.certificates,
          ...(state.serverKeyExchange === undefined ? {} : { serverKeyExchange: state.serverKeyExchange }),
          complete: state.complete,
        },
      };

/** Applies the complete handshake messages at the front of `pending`; returns what is left and whether done. */
const applyMessages = (state: FlightState, pending: Buffer): { rest: Buffer; done: boolean } => {
  let rest = pending;
  while (rest.length >= 4) {
    const length = rest.readUIntBE(1, 3);
    if (rest.length < 4 + length) break;
    const done = applyMessage(state, rest[0] ?? 0, rest.subarray(4, 4 + length));
    rest = rest.subarray(4 + length);
    if (done) return { rest, done };
  }
  return { rest, done: false };
};

/** A record that is not a handshake record ends the flight: an alert, or whatever follows the ServerHello. */
const nonHandshakeRecord = (state: FlightState, record: Record): FlightReading => {
  if (state.serverHello !== undefined) return toFlight(state);
  if (record.type === 21) {
    const [level = 0, code = 0] = record.body;
    return { kind: 'alert', alert: alert(level, code) };
  }
  throw new MalformedMessageError(`record type ${record.type} before the ServerHello`);
};

/** Handshake messages across records (a message may span records, a record may hold several). */
const readHandshake = (records: readonly Record[]): FlightReading => {
  const state: FlightState = { certificates: [], complete: false };
  let pending: Buffer = Buffer.alloc(0);
  for (const record of records) {
    if (record.type !== 22) return nonHandshakeRecord(state, record);
    const applied = applyMessages(state, Buffer.concat([pending, record.body]));
    if (applied.done) return toFlight(state);
    pending = applied.rest;
  }
  return { kind: 'incomplete' };
};

const readSslv2 = (bytes: Uint8Array): FlightReading => {
  const header = sslv2RecordLength(bytes);
  if (header === undefined || bytes.length < header.header + header.length) return { kind: 'incomplete' };
  return {
    kind: 'sslv2',
    hello: parseSslv2ServerHello(bytes.subarray(header.header, header.header + header.length)),
  };
};

const httpPrefix = 'HTTP/';

/** Whether the bytes are an HTTP status line, or so far the start of one. */
const httpStart = (bytes: Uint8Array): 'http' | 'maybe' | 'no' => {
  const text = Buffer.from(bytes.subarray(0, httpPrefix.length + 1)).toString('latin1');
  if (text.length > httpPrefix.length) return /^HTTP\/\d/.test(text) ? 'http' : 'no';
  return httpPrefix.startsWith(text) ? 'maybe' : 'no';
};

const mayStartRecord = (first: number, expect: 'tls' | 'sslv2'): boolean =>
  (first >= 20 && first <= 23) || (expect === 'sslv2' && (first & 0x80) !== 0);

/**
 * Reads what a server sent in answer to a ClientHello. Pure: called again with more bytes until it is not
 * `incomplete`. Never throws: bytes that are not the expected protocol become `malformed` or `plain-http`.
 */
export const readServerFlight = (bytes: Uint8Array, expect: 'tls' | 'sslv2' = 'tls'): FlightReading => {
  const first = bytes[0];
  if (first === undefined) return { kind: 'incomplete' };
  const http = httpStart(bytes);
  if (http === 'http') return { kind: 'plain-http' };
  if (http === 'maybe') return { kind: 'incomplete' };
  if (!mayStartRecord(first, expect))
    return { kind: 'malformed', reason: `first byte 0x${first.toString(16)} starts no TLS record` };
  try {
    if (expect === 'sslv2' && (first & 0x80) !== 0) return readSslv2(bytes);
    return readHandshake(readRecords(bytes));
  } catch (error) {
    if (error instanceof MalformedMessageError) return { kind: 'malformed', reason: error.message };
    throw error;
  }
};
