import type { DocumentType } from '@sec-an/contracts/search-index';

/** The sync's task for the `hosts` table: it names the function and the `dns-hosts-host-*` indices. */
export const dnsHostsTask = 'dns-hosts';

/**
 * A row of the `hosts` table as the analytics store keeps it: a host name and the addresses it resolved to at an
 * ingest, with what that ingest added to and removed from them (the sync computes `addressesAdded` and
 * `addressesRemoved` from the stream's old and new images). A change of its addresses is a change document.
 */
export const hostDocumentType: DocumentType = {
  task: dnsHostsTask,
  type: 'host',
  properties: {
    host: { type: 'keyword' },
    addresses: { type: 'ip' },
    addressesAdded: { type: 'ip' },
    addressesRemoved: { type: 'ip' },
    zones: { type: 'keyword' },
    private: { type: 'boolean' },
    ingestId: { type: 'keyword' },
    ingestedAt: { type: 'date' },
  },
  changeFields: ['addresses'],
  labelFields: ['host'],
};
