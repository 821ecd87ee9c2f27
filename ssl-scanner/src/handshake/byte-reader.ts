/** Raised inside the parsers when bytes do not fit the structure; the parsers turn it into a status. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

/** A cursor over received bytes that refuses to read past the end of its slice. */
export class ByteReader {
  readonly #bytes: Uint8Array;
  #offset = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get remaining(): number {
    return this.#bytes.length - this.#offset;
  }

  bytes(length: number, what: string): Uint8Array {
    if (length > this.remaining) {
      throw new MalformedMessageError(`${what}: needs ${length} bytes, ${this.remaining} left`);
    }
    const slice = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }

  uint(length: 1 | 2 | 3, what: string): number {
    return this.bytes(length, what).reduce((value, byte) => value * 256 + byte, 0);
  }

  /** A TLS vector: a length of `lengthBytes` bytes, then that many bytes. */
  vector(lengthBytes: 1 | 2 | 3, what: string): Uint8Array {
    return this.bytes(this.uint(lengthBytes, `${what} length`), what);
  }

  expectEnd(what: string): void {
    if (this.remaining !== 0)
      throw new MalformedMessageError(`${what}: ${this.remaining} unexpected trailing bytes`);
  }
}

export const uint8 = (value: number): Buffer => Buffer.from([value & 0xff]);
export const uint16 = (value: number): Buffer => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
export const uint24 = (value: number): Buffer =>
  Buffer.from([(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);

/** A TLS vector: its length in `lengthBytes` bytes, then the bytes. */
export const vector = (lengthBytes: 1 | 2 | 3, ...parts: readonly Uint8Array[]): Buffer => {
  const body = Buffer.concat(parts);
  const length =
    lengthBytes === 1 ? uint8(body.length) : lengthBytes === 2 ? uint16(body.length) : uint24(body.length);
  return Buffer.concat([length, body]);
};
