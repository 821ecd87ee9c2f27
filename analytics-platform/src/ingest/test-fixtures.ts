import type { Client } from '@opensearch-project/opensearch';
import { entityKey } from '@sec-an/contracts/entity-key';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import {
  type DocumentType,
  documentTypeTemplate,
  type TemplateDefinition,
} from '@sec-an/contracts/search-index';
import { platformTemplates } from '../index-templates/index.ts';
import { applyTemplates } from '../search-setup/apply-templates.ts';

/** A scanner's document types as a task project would declare them. */
export const probeTask = 'probe-scanner';

export const probeHostType: DocumentType = {
  task: probeTask,
  type: 'host',
  properties: { address: { type: 'ip' }, status: { type: 'keyword' } },
  changeFields: ['status'],
  labelFields: ['address'],
};

export const probePortType: DocumentType = {
  task: probeTask,
  type: 'port',
  properties: {
    address: { type: 'ip' },
    port: { type: 'integer' },
    protocol: { type: 'keyword' },
    state: { type: 'keyword' },
    service: { type: 'keyword' },
    product: { type: 'keyword' },
    banner: { type: 'text' },
  },
  changeFields: ['state', 'service', 'product'],
  labelFields: ['address', 'port', 'protocol'],
};

export const probeTemplates: readonly TemplateDefinition[] = [
  ...platformTemplates,
  documentTypeTemplate(probeHostType),
  documentTypeTemplate(probePortType),
];

/** Provisions templates with the deploy-time setup's own code. */
export const putTemplates = async (
  client: Client,
  templates: readonly TemplateDefinition[],
): Promise<void> => {
  await applyTemplates(client, templates);
};

export interface ProbePort {
  readonly port: number;
  readonly service: string;
  readonly [field: string]: unknown;
}

/** A probe scan of one address that saw the given open ports, ending at `endedAt`. */
export const probeResult = (
  address: string,
  endedAt: string,
  ports: readonly ProbePort[],
  overrides: Partial<ScanResult> = {},
): ScanResult => ({
  contract: 'scan-result',
  version: 1,
  task: probeTask,
  scanId: `${probeTask}/${address}/${endedAt}`,
  startedAt: new Date(Date.parse(endedAt) - 60_000).toISOString(),
  endedAt,
  parserVersion: '1.0.0',
  raw: { bucket: 'probe-raw-results', key: `raw/${address}/${endedAt}.xml.gz` },
  subject: { key: entityKey({ address }), label: address },
  coverage: 'complete',
  documents: {
    host: [{ key: entityKey({ address }), fields: { address, status: 'up' } }],
    port: ports.map(({ port, ...fields }) => ({
      key: entityKey({ address, port, protocol: 'tcp' }),
      fields: { address, port, protocol: 'tcp', state: 'open', ...fields },
    })),
  },
  ...overrides,
});
