import type { DocumentType } from '@sec-an/contracts/search-index';

/** The sync's task for the `addresses` table: it names the function and the `dns-addresses-address-*` indices. */
export const dnsAddressesTask = 'dns-addresses';

/**
 * A row of the `addresses` table as the analytics store keeps it. Its writers each own some fields: the DNS
 * ingestor the host names, zones and ingest; the planner the scope verdict and the planned time; the initiator
 * when the scan was queued; the primary scanners' parsers the last successful scan. A change of its host names
 * or of its scope is a change document; the times change every day and are not.
 */
export const addressDocumentType: DocumentType = {
  task: dnsAddressesTask,
  type: 'address',
  properties: {
    address: { type: 'ip' },
    hosts: { type: 'keyword' },
    hostsAdded: { type: 'keyword' },
    hostsRemoved: { type: 'keyword' },
    zones: { type: 'keyword' },
    private: { type: 'boolean' },
    ingestId: { type: 'keyword' },
    ingestedAt: { type: 'date' },
    scope: { type: 'keyword' },
    scopeReason: { type: 'keyword' },
    planId: { type: 'keyword' },
    plannedAt: { type: 'date' },
    queuedAt: { type: 'date' },
    lastScannedAt: { type: 'date' },
    lastScanTask: { type: 'keyword' },
  },
  changeFields: ['hosts', 'scope'],
  labelFields: ['address'],
};
