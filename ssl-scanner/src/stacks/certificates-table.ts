import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { referenceParameter } from '@sec-an/constructs/parameters';
import type { ServiceStack } from '@sec-an/constructs/service-stack';
import { tableKeyArnParameter } from '@sec-an/task-execution/stacks';
import { certificatesTableKey } from '../results-parser/index.ts';

/**
 * ssl-scanner's certificates table: one item per certificate fingerprint with first and last seen and every
 * endpoint and name that served it. Encrypted with task-execution's table key, whose policy lets any function of
 * the account use it through DynamoDB, so the project needs no key of its own.
 */
export const certificatesTable = (stack: ServiceStack, deletionProtection: boolean): DynamodbTable =>
  new DynamodbTable(stack, 'certificates', {
    name: stack.physicalName('certificates', 255),
    hashKey: certificatesTableKey,
    attribute: [{ name: certificatesTableKey, type: 'S' }],
    billingMode: 'PAY_PER_REQUEST',
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: {
      enabled: true,
      kmsKeyArn: referenceParameter(stack, { ...tableKeyArnParameter }).value,
    },
    deletionProtectionEnabled: deletionProtection,
  });
