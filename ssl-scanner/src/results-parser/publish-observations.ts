import { PermanentError } from '@sec-an/runtime/errors';
import {
  type ParserSettings,
  publishResults,
  type RawObject,
  readRawResult,
} from '@sec-an/task-execution/task-runtime';
import type { RootCertificates } from '../certificates/index.ts';
import { decodeTlsObservations } from '../scan-task/index.ts';
import { certificateSightingsOf } from './certificate-sightings.ts';
import { recordCertificateSightings } from './certificates-table.ts';
import { parseTlsObservations } from './parse-observations.ts';

/** An object under `raw/` the scan task never writes: its name is not `tls-observations-<port>.json.gz`. */
export class NotTlsObservationsError extends PermanentError {}

const observationsFileName = /^tls-observations-\d{1,5}\.json\.gz$/;

export const objectUrl = (object: { readonly bucket: string; readonly key: string }): string =>
  `s3://${object.bucket}/${object.key}`;

export interface PublishedObservations {
  readonly object: string;
  readonly results: number;
  readonly certificates: number;
}

/**
 * Parses one raw object and publishes its results on the task's topic. The object is decoded whole before
 * anything is written, so one that is not tls-observations v1 fails with a permanent error naming it and
 * leaves neither a document nor a certificate record. The certificates table is written before the results are
 * published, so a retry after a failed publish records the same sightings again, which changes nothing.
 */
export const publishTlsObservations = async (
  object: RawObject,
  settings: ParserSettings & { readonly certificatesTable: string; readonly roots?: RootCertificates },
): Promise<PublishedObservations> => {
  const name = object.key.slice(object.key.lastIndexOf('/') + 1);
  if (!observationsFileName.test(name)) {
    throw new NotTlsObservationsError(
      `${objectUrl(object)} is not a raw object of the TLS scanner: it writes tls-observations-<port>.json.gz only`,
    );
  }
  const raw = decodeTlsObservations((await readRawResult(object)).body, objectUrl(object));
  const sightings = certificateSightingsOf(raw);
  const certificateHistory = await recordCertificateSightings(settings.certificatesTable, sightings);
  const results = parseTlsObservations(raw, {
    source: { bucket: object.bucket, key: object.key },
    certificateHistory,
    ...(settings.roots === undefined ? {} : { roots: settings.roots }),
  });
  await publishResults(settings, results);
  return { object: objectUrl(object), results: results.length, certificates: sightings.length };
};
