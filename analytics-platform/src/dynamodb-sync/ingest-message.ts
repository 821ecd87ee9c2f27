import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import { encodeAttributes, type OutgoingMessage } from '@sec-an/runtime/sns';

/** A result as the ingest queue takes it from any producer: the message as its body, its contract's attributes. */
export const ingestMessageOf = (result: ScanResult): OutgoingMessage => ({
  body: JSON.stringify(result),
  attributes: encodeAttributes(scanResultV1.attributes(result)),
});
