import { createReadStream, createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { RawScanMetadata } from './raw-metadata.ts';

/** The files of one scan, ready for the lake: the gzipped XML and its metadata. */
export interface RawScanArtefact {
  readonly xmlGzPath: string;
  readonly metadataPath: string;
  readonly metadata: RawScanMetadata;
}

export const rawXmlFile = 'nmap.xml.gz';
export const rawMetadataFile = 'metadata.json';

/** Gzips nmap's XML beside it and removes the plain file; the metadata goes next to it as JSON. */
export const writeRawArtefact = async (
  outputDir: string,
  xmlPath: string,
  metadata: RawScanMetadata,
): Promise<RawScanArtefact> => {
  const xmlGzPath = join(outputDir, rawXmlFile);
  await pipeline(createReadStream(xmlPath), createGzip(), createWriteStream(xmlGzPath));
  await rm(xmlPath);
  const metadataPath = join(outputDir, rawMetadataFile);
  await writeFile(metadataPath, `${JSON.stringify(metadata, null, 2)}\n`);
  return { xmlGzPath, metadataPath, metadata };
};
