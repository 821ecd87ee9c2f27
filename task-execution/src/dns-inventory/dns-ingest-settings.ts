import { ConfigurationError } from '@sec-an/runtime/errors';
import { addressesTable, dnsHistoryTable, dnsIngestsTable, hostsTable } from '../tables/index.ts';

/** The physical names of the four tables an ingest reads and writes. */
export interface DnsTables {
  readonly hosts: string;
  readonly addresses: string;
  readonly history: string;
  readonly ingests: string;
}

const tableVariables = {
  hosts: hostsTable.nameVariable,
  addresses: addressesTable.nameVariable,
  history: dnsHistoryTable.nameVariable,
  ingests: dnsIngestsTable.nameVariable,
} as const satisfies Record<keyof DnsTables, string>;

/**
 * Every environment variable the dns-ingest function reads, for the stack to set: the four table names, and the
 * stage (and app) that name the SSM parameters it reads (the DNS reader role).
 */
export const dnsIngestVariables = [...Object.values(tableVariables), 'SEC_AN_STAGE', 'SEC_AN_APP'] as const;

export const dnsTablesFromEnvironment = (environment: NodeJS.ProcessEnv = process.env): DnsTables => {
  const read = (variable: string): string => {
    const value = environment[variable];
    if (value === undefined || value === '') {
      throw new ConfigurationError(`${variable} is not set: the dns-ingest function needs its table names`);
    }
    return value;
  };
  return {
    hosts: read(tableVariables.hosts),
    addresses: read(tableVariables.addresses),
    history: read(tableVariables.history),
    ingests: read(tableVariables.ingests),
  };
};
