import { parseMessage } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { PermanentError } from '@sec-an/runtime/errors';
import type { z } from 'zod';

export type ScanRequest = z.output<typeof scanRequestV1.schema>;

/** A request body that is not JSON at all; dead-lettered with this error, never retried. */
export class RequestNotJsonError extends PermanentError {}

/**
 * A scan request from its text (the container's environment, a queue body): JSON, then the scan-request v1
 * contract. The target's own checks and the scope come after, in validateScanTarget.
 */
export const parseScanRequest = (text: string): ScanRequest => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RequestNotJsonError(
      `the scan request is not JSON (${(error as Error).message}): ${JSON.stringify(text.slice(0, 120))}`,
    );
  }
  return parseMessage(scanRequestV1, value);
};
