import { fileURLToPath } from 'node:url';
import type { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { grantReadParameter, publishParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { resultsOf, Task } from '@sec-an/task-execution/task';
import { addressesTableArnParameter, addressesTableNameParameter } from '@sec-an/task-execution/task-runtime';
import { certificatesTableVariable } from '../results-parser/index.ts';
import { tlsTask } from '../scan-task/index.ts';
import { trustAnchorsDefinition, trustAnchorsParameter } from '../trust-anchors/index.ts';
import { certificatesTable } from './certificates-table.ts';
import { sslScannerProject } from './ssl-scanner-project.ts';

export interface TlsTaskStackProps extends DeploymentSettings {
  /** Refuse to delete the certificates table (a destroy fails until it is turned off). Default: true. */
  readonly tableDeletionProtection?: boolean;
  /** The trust anchors' parameter JSON (`trustAnchorsDefinition`); operators may change it in SSM. Default: none. */
  readonly trustAnchors?: string;
}

const sourceFile = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** nmap-scanner's project and task: the port findings of its results topic are this task's work. */
export const portFindingSource = resultsOf('nmap-scanner', 'nmap-scanner');

/** Only the port findings of ports that speak TLS reach the queue, whatever else nmap's topic carries. */
export const tlsPortsFilter = { contract: ['port-finding'], tls: ['true'] };

/**
 * Ten minutes: the scans of an endpoint stop at the deadline the handler sets from the remaining time, well before
 * Lambda's fifteen-minute limit, and one endpoint fills an invocation. The scan holds certificates and flights of
 * at most seventeen scans.
 */
const scanSettings = { timeoutSeconds: 600, memorySizeMb: 512 } as const;

/**
 * A raw object is a few hundred kilobytes at most (seventeen scans); the parser judges each scan (chain analysis
 * against Mozilla's roots, profiles, grade) and writes one table item per certificate.
 */
const parserSettings = { timeoutSeconds: 120, memorySizeMb: 512 } as const;

/**
 * The TLS task: its input queue takes nmap's port findings of TLS ports (subscribed with a filter policy) and direct
 * tls-scan-requests (sent to the queue, whose URL is published for them), the scan function, the raw lake, the
 * parser and the results topic. The scan function also reads the address's names from task-execution's
 * addresses table, for direct requests; the parser records every certificate served in the certificates table.
 */
export class TlsTaskStack extends ServiceStack {
  readonly task: Task;
  readonly certificates: DynamodbTable;

  constructor(scope: Construct, id: string, props: TlsTaskStackProps) {
    const { tableDeletionProtection, trustAnchors, ...deployment } = props;
    super(scope, id, { ...deployment, project: sslScannerProject });
    this.certificates = certificatesTable(this, tableDeletionProtection ?? true);
    this.task = new Task(this, 'tls', {
      name: tlsTask,
      input: { source: portFindingSource, filterPolicy: tlsPortsFilter },
      scan: { entry: sourceFile('../handlers/tls-scan.ts'), ...scanSettings },
      parser: {
        entry: sourceFile('../handlers/results-parser.ts'),
        ...parserSettings,
        environment: { [certificatesTableVariable]: this.certificates.name },
      },
    });
    this.task.inputQueue.publishUrl();
    this.task.scanFunction.addToPolicy({
      actions: ['dynamodb:GetItem'],
      resources: [referenceParameter(this, { ...addressesTableArnParameter }).value],
    });
    grantReadParameter(this, this.task.scanFunction, addressesTableNameParameter);
    this.task.parser.addToPolicy({ actions: ['dynamodb:UpdateItem'], resources: [this.certificates.arn] });
    publishParameter(
      this,
      trustAnchorsParameter.thing,
      trustAnchorsParameter.attribute,
      trustAnchors ?? trustAnchorsDefinition(''),
    );
    grantReadParameter(this, this.task.parser, trustAnchorsParameter);
  }
}
