import { fileURLToPath } from 'node:url';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { grantReadParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { dnsReaderRoleParameter } from '../dns-inventory/index.ts';
import { addressesTable, dnsHistoryTable, dnsIngestsTable, hostsTable } from '../tables/index.ts';
import { FunctionSchedule } from './function-schedule.ts';
import { dailyAt, describeDaily } from './schedules.ts';
import { useTable } from './table-access.ts';
import { taskExecutionProject } from './task-execution-project.ts';
import { defaultIngestTime, type TimeOfDay } from './time-of-day.ts';

export interface DnsIngestStackProps extends DeploymentSettings {
  /** When the daily ingest runs, in UTC. Default: a time of the small hours derived from app and stage. */
  readonly ingestTime?: TimeOfDay;
  /** The roles it assumes to read Route53; none: it reads with its own role. */
  readonly readerRoleArns: readonly string[];
}

/**
 * The DNS ingestor: once a day, and once when the stage is first deployed (or its reader roles change) so that a
 * new stage plans its first scans within a bucket rather than the next day, it reads every hosted zone and writes
 * the hosts, addresses and their history.
 */
export class DnsIngestStack extends ServiceStack {
  readonly ingest: NodeFunction;
  readonly schedule: FunctionSchedule;
  readonly ingestTime: TimeOfDay;
  readonly onDeploy: LambdaInvocation;

  constructor(scope: Construct, id: string, props: DnsIngestStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    // Reading a large estate's zones at Route53's five requests a second takes minutes, and resolving its names
    // holds them all in memory.
    this.ingest = new NodeFunction(this, 'dns-ingest', {
      name: 'dns-ingest',
      entry: fileURLToPath(new URL('../handlers/dns-ingest.ts', import.meta.url)),
      description: 'Reads every Route53 zone and records the hosts, their addresses and what changed',
      timeoutSeconds: 900,
      memorySizeMb: 1024,
    });
    // The ingest reads both current sides whole, then writes only what changed.
    useTable(this, this.ingest, hostsTable, [
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
      'dynamodb:BatchWriteItem',
    ]);
    useTable(this, this.ingest, addressesTable, [
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
      'dynamodb:BatchWriteItem',
    ]);
    useTable(this, this.ingest, dnsHistoryTable, ['dynamodb:BatchWriteItem']);
    useTable(this, this.ingest, dnsIngestsTable, ['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    this.grantRoute53(props.readerRoleArns);
    grantReadParameter(this, this.ingest, dnsReaderRoleParameter);

    this.ingestTime = props.ingestTime ?? defaultIngestTime(this.naming.app, this.naming.stage);
    this.schedule = new FunctionSchedule(this, 'daily', this.ingest, {
      expression: dailyAt(this.ingestTime),
      description: `DNS ingest, ${describeDaily(this.ingestTime)}`,
    });
    this.onDeploy = new LambdaInvocation(this, 'ingest-on-deploy', {
      functionName: this.ingest.functionName,
      input: JSON.stringify({ source: 'sec-an.deploy' }),
      // Again only when what it reads with changes; code changes wait for the daily run.
      triggers: { readerRoles: props.readerRoleArns.join(',') },
      // The role's grants must exist before the function first runs with it.
      dependsOn: [this.ingest.lambda, this.ingest.role.node.findChild('policy') as IamRolePolicy],
    });
  }

  /**
   * Reading with its own role, it may read Route53 itself; reading through configured roles, it may assume those
   * roles and nothing else: the zones are read with their grants.
   */
  private grantRoute53(readerRoleArns: readonly string[]): void {
    if (readerRoleArns.length > 0) {
      this.ingest.addToPolicy({ actions: ['sts:AssumeRole'], resources: readerRoleArns });
      return;
    }
    // Listing zones takes no resource; each zone's record sets are read by the zone's ARN (which has no account).
    this.ingest.addToPolicy({ actions: ['route53:ListHostedZones'], resources: ['*'] });
    this.ingest.addToPolicy({
      actions: ['route53:ListResourceRecordSets'],
      resources: [`arn:${this.partition}:route53:::hostedzone/*`],
    });
  }
}
