import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { DynamoDbSync } from '@sec-an/analytics-platform/dynamodb-sync';
import type { Construct } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { addressesSync, hostsSync, type TableSync } from '../document-types/index.ts';
import { addressesTable, hostsTable, type TableModel, taskExecutionTables } from '../tables/index.ts';
import { tableKeyArnParameter, tableParameter } from './published-parameters.ts';
import { tableShape } from './table-definitions.ts';
import { tableKeyPolicy } from './table-key-policy.ts';
import { taskExecutionProject } from './task-execution-project.ts';

export interface TablesStackProps extends DeploymentSettings {
  /** Refuse to delete the tables (a destroy fails until it is turned off). Default: true. */
  readonly deletionProtection?: boolean;
}

/**
 * The state of task-execution: its six DynamoDB tables (encrypted with a key of this project, point-in-time
 * recovery, billed per request), their names and ARNs published for the functions and the scanners, and the syncs
 * that keep the analytics store's copies of the hosts and addresses tables (a sync consumes its table's stream,
 * so it lives beside the table).
 */
export class TablesStack extends ServiceStack {
  readonly key: KmsKey;
  readonly tables: ReadonlyMap<TableModel, DynamodbTable>;
  readonly hostsSync: DynamoDbSync;
  readonly addressesSync: DynamoDbSync;

  constructor(scope: Construct, id: string, props: TablesStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    this.key = new KmsKey(this, 'table-key', {
      description: `Encrypts the tables of ${this.naming.app} ${this.naming.stage} task-execution`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: tableKeyPolicy({ partition: this.partition, accountId: this.accountId, region: this.region }),
    });
    new KmsAlias(this, 'table-key-alias', {
      name: `alias/${this.physicalName('tables', 250)}`,
      targetKeyId: this.key.keyId,
    });
    publishParameter(this, tableKeyArnParameter.thing, tableKeyArnParameter.attribute, this.key.arn);
    const deletionProtection = props.deletionProtection ?? true;
    this.tables = new Map(
      taskExecutionTables.map((model) => [model, this.table(model, deletionProtection)] as const),
    );
    this.hostsSync = this.sync(hostsTable, hostsSync);
    this.addressesSync = this.sync(addressesTable, addressesSync);
  }

  tableOf(model: TableModel): DynamodbTable {
    const table = this.tables.get(model);
    if (table === undefined) throw new Error(`${this.node.path} has no table ${model.name}`);
    return table;
  }

  private table(model: TableModel, deletionProtection: boolean): DynamodbTable {
    const table = new DynamodbTable(this, model.name, {
      name: this.physicalName(model.name, 255),
      ...tableShape(model),
      billingMode: 'PAY_PER_REQUEST',
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: this.key.arn },
      deletionProtectionEnabled: deletionProtection,
    });
    const publish = (attribute: 'name' | 'arn' | 'stream-arn', value: string): void => {
      const { thing } = tableParameter(model, attribute);
      publishParameter(this, thing, attribute, value);
    };
    publish('name', table.name);
    publish('arn', table.arn);
    if (table.streamEnabledInput === true) publish('stream-arn', table.streamArn);
    return table;
  }

  private sync(model: TableModel, sync: TableSync): DynamoDbSync {
    return new DynamoDbSync(this, `${model.name}-sync`, { table: this.tableOf(model), ...sync });
  }
}
