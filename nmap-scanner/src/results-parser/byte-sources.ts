import { Readable } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';
import { MalformedXmlError, NotNmapXmlError } from './parser-errors.ts';

const gzipMagic = [0x1f, 0x8b];

/** Bytes as any stream gives them: a file or S3 body stream, or chunks in memory. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

async function* checkedGzip(bytes: ByteSource): AsyncGenerator<Uint8Array> {
  let checked = false;
  for await (const chunk of bytes) {
    if (!checked && chunk.length > 0) {
      if (chunk[0] !== gzipMagic[0] || (chunk.length > 1 && chunk[1] !== gzipMagic[1])) {
        throw new NotNmapXmlError('the raw object is not gzip (nmap XML is stored gzipped)');
      }
      checked = true;
    }
    yield chunk;
  }
  if (!checked) throw new NotNmapXmlError('the raw object is empty');
}

/**
 * Decompresses a gzip stream as it arrives. A stream cut short yields what it held (`Z_SYNC_FLUSH` at the end),
 * so that a partial upload or a crash is read as far as it goes and the XML reader sees the document stop early.
 */
export async function* gunzipChunks(bytes: ByteSource): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  const input = Readable.from(checkedGzip(bytes));
  input.once('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof NotNmapXmlError) throw error;
    throw new MalformedXmlError(`the gzip stream is corrupt: ${(error as Error).message}`);
  }
}

/** UTF-8 text from bytes, a character split across chunks kept whole; invalid bytes become U+FFFD. */
export async function* decodeUtf8(bytes: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}
