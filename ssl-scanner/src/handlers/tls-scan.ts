import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { handleTlsScanRecord } from '../scan-task/index.ts';

/**
 * The TLS task's scan function: each record is a port finding nmap published for a TLS port, or a direct
 * tls-scan-request. Every scan outcome (out of scope, refused, tarpit, garbage) ends as a status in the raw object;
 * a record that is not JSON, not one of the two contracts, or names no scannable endpoint is dead-lettered with the
 * error saying which; a failure to read the scope or write the lake is retried.
 */
export const handler = sqsHandler({
  serviceName: 'ssl-scanner-tls-scan',
  recordHandler: async (record, { context, logger }) => {
    const stored = await handleTlsScanRecord(record, { remainingTimeMs: context.getRemainingTimeInMillis() });
    logger.info('stored the observations of an endpoint', {
      key: stored.key,
      statuses: stored.observations.observations.map(({ serverName, status }) => ({ serverName, status })),
    });
  },
});
