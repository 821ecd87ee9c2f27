import { readFile } from 'node:fs/promises';
import { rawResultKey, writeRawResult } from '@sec-an/task-execution/task-runtime';
import { type RawScanArtefact, RawStorageError, rawMetadataFile, rawXmlFile } from '../nmap-run/index.ts';

/** Where one scan's two files went in the lake. */
export interface StoredRawScan {
  readonly bucket: string;
  readonly xmlKey: string;
  readonly metadataKey: string;
}

/** The key of a scan's metadata beside its XML: the parser reads both from the XML's key. */
export const metadataKeyOf = (xmlKey: string): string =>
  `${xmlKey.slice(0, xmlKey.length - rawXmlFile.length)}${rawMetadataFile}`;

const put = async (
  bucket: string,
  key: string,
  path: string,
  contentType: string,
  artefact: RawScanArtefact,
): Promise<void> => {
  const { requestId, startedAt, endedAt } = artefact.metadata;
  try {
    await writeRawResult({
      bucket,
      key,
      body: await readFile(path),
      contentType,
      metadata: { requestId, startedAt, endedAt },
    });
  } catch (error) {
    throw new RawStorageError(`could not store s3://${bucket}/${key}: ${(error as Error).message}`, {
      cause: error,
    });
  }
};

/**
 * Puts a scan's metadata, then its gzipped XML, under `raw/<date>/<request id>/`. The XML's creation is what
 * the parser acts on, so the metadata it needs is always there before it.
 */
export const storeRawScan = async (artefact: RawScanArtefact, bucket: string): Promise<StoredRawScan> => {
  const { requestId, startedAt } = artefact.metadata;
  const xmlKey = rawResultKey(requestId, new Date(startedAt), rawXmlFile);
  const metadataKey = metadataKeyOf(xmlKey);
  await put(bucket, metadataKey, artefact.metadataPath, 'application/json', artefact);
  await put(bucket, xmlKey, artefact.xmlGzPath, 'application/gzip', artefact);
  return { bucket, xmlKey, metadataKey };
};
