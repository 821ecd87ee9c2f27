import { entityKey } from '@sec-an/contracts/entity-key';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import {
  parserSettingsFromEnvironment,
  publishResults,
  rawObjectOf,
  readRawResult,
  recordLastScan,
} from '../../task-runtime/index.ts';

interface ProbeOutput {
  readonly request: { readonly target: { readonly address: string; readonly hosts: readonly string[] } };
  readonly staged: boolean;
}

/**
 * A scanner's parser for the tests: one result per raw object, whose one document says what the container saw,
 * and the scan recorded on the address's row.
 */
export const handler = sqsHandler({
  serviceName: 'probe-parser',
  recordHandler: async (record) => {
    const settings = parserSettingsFromEnvironment();
    const object = rawObjectOf(record, settings.resultsBucket);
    const raw = await readRawResult(object);
    const output = JSON.parse(new TextDecoder().decode(raw.body)) as ProbeOutput;
    const { address, hosts } = output.request.target;
    const key = entityKey({ address });
    const result: ScanResult = {
      contract: 'scan-result',
      version: 1,
      task: settings.taskName,
      scanId: `${settings.taskName}/${raw.metadata.requestId}`,
      requestId: raw.metadata.requestId,
      startedAt: raw.metadata.startedAt,
      endedAt: raw.metadata.endedAt,
      parserVersion: '1.0.0',
      raw: { bucket: object.bucket, key: object.key },
      subject: { key, label: address },
      coverage: 'complete',
      documents: { host: [{ key, fields: { address, hosts: [...hosts], staged: output.staged } }] },
    };
    await publishResults(settings, [result]);
    await recordLastScan({ address, scannedAt: Date.parse(raw.metadata.endedAt), task: settings.taskName });
  },
});
