import { PermanentError } from '@sec-an/runtime/errors';
import { type RawObject, readRawResult } from '@sec-an/task-execution/task-runtime';
import { z } from 'zod';
import {
  type RawScanMetadata,
  rawMetadataFile,
  rawScanMetadataSchema,
  rawXmlFile,
} from '../nmap-run/index.ts';

/** An object under `raw/` that is neither of a scan's two files: nothing the scanner wrote, never parsable. */
export class NotARawScanError extends PermanentError {}

/** A scan's metadata that is missing, not JSON, or not `nmap-raw-scan` v1: its XML cannot be told apart. */
export class RawMetadataError extends PermanentError {}

export const objectUrl = (object: { readonly bucket: string; readonly key: string }): string =>
  `s3://${object.bucket}/${object.key}`;

/**
 * Which of a scan's files an object is. The XML's creation is what a parse starts from; the metadata, written
 * first, is read with it, so its own event has nothing to do.
 */
export const rawScanFileOf = (object: RawObject): 'xml' | 'metadata' => {
  const name = object.key.slice(object.key.lastIndexOf('/') + 1);
  if (name === rawXmlFile) return 'xml';
  if (name === rawMetadataFile) return 'metadata';
  throw new NotARawScanError(
    `${objectUrl(object)} is not a file of a raw nmap scan: the scanner writes ${rawXmlFile} and ${rawMetadataFile} only`,
  );
};

const metadataObjectOf = (xml: RawObject): RawObject => ({
  bucket: xml.bucket,
  key: `${xml.key.slice(0, xml.key.length - rawXmlFile.length)}${rawMetadataFile}`,
  size: 0,
});

/** The metadata beside a scan's XML, for the request the XML's own object metadata names. */
export const readRawScanMetadata = async (xml: RawObject, requestId: string): Promise<RawScanMetadata> => {
  const object = metadataObjectOf(xml);
  let text: string;
  try {
    text = new TextDecoder().decode((await readRawResult(object)).body);
  } catch (error) {
    if (!(error instanceof PermanentError)) throw error;
    throw new RawMetadataError(`the metadata of ${objectUrl(xml)}: ${error.message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RawMetadataError(`${objectUrl(object)} is not JSON: ${JSON.stringify(text.slice(0, 120))}`);
  }
  const parsed = rawScanMetadataSchema.safeParse(value);
  if (!parsed.success) {
    throw new RawMetadataError(
      `${objectUrl(object)} is not nmap-raw-scan v1: ${z.prettifyError(parsed.error)}`,
    );
  }
  if (parsed.data.requestId !== requestId) {
    throw new RawMetadataError(
      `${objectUrl(object)} is the metadata of request ${parsed.data.requestId}, not of ${requestId}`,
    );
  }
  return parsed.data;
};
