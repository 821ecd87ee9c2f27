import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  allGrantedStatements,
  grantedStatements,
  onlyResourceOf,
  publishedParameters,
  referencedParameter,
  refTo,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
  testStack,
} from '@sec-an/constructs/testing';
import { EcsTask } from './ecs-task.ts';
import type { EcsTaskProps } from './ecs-task-props.ts';

const parserEntry = fileURLToPath(new URL('./test-handlers/probe-parser.ts', import.meta.url));
const prefix = 'sec-an-test-nmap-scanner';
const parameter = (project: string, thing: string, attribute: string) =>
  `/sec-an/test/${project}/${thing}/${attribute}`;

const nmapProps: EcsTaskProps = {
  name: 'nmap',
  input: { filterPolicy: { addressType: ['ipv4', 'ipv6'] } },
  parser: { entry: parserEntry },
  container: { image: 'registry.example/nmap:1.0.0', command: ['scan'], environment: { NMAP_TIMING: 'T4' } },
};

const synthesizeNmap = (props: Partial<EcsTaskProps> = {}): SynthesizedStack => {
  const stack = testStack({ project: 'nmap-scanner' });
  new EcsTask(stack, 'nmap', { ...nmapProps, ...props });
  return synthesize(stack);
};

const queueRef = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  refTo(synthesized, 'aws_sqs_queue', attribute, (queue) => queue.name === `${prefix}-${name}`);

const bucketRef = (synthesized: SynthesizedStack, attribute: string): string =>
  refTo(synthesized, 'aws_s3_bucket', attribute);

const topicArn = (synthesized: SynthesizedStack): string =>
  refTo(synthesized, 'aws_sns_topic', 'arn', (topic) => topic.name === `${prefix}-nmap-results-topic`);

const definitionRef = (synthesized: SynthesizedStack, attribute: string): string =>
  refTo(synthesized, 'aws_ecs_task_definition', attribute);

const roleArn = (synthesized: SynthesizedStack, name: string): string =>
  refTo(synthesized, 'aws_iam_role', 'arn', (role) => role.name === `${prefix}-${name}`);

const containerDefinitions = (synthesized: SynthesizedStack): Record<string, unknown>[] =>
  JSON.parse(String(onlyResourceOf(synthesized, 'aws_ecs_task_definition').container_definitions));

describe('EcsTask', () => {
  const synthesized = synthesizeNmap();

  it("subscribes its input queue to task-execution's scan-request topic, raw, with the filter policy", () => {
    const topic = referencedParameter(synthesized, parameter('task-execution', 'scan-request-topic', 'arn'));
    const subscription = resourceWhere(
      synthesized,
      'aws_sns_topic_subscription',
      (resource) => resource.endpoint === queueRef(synthesized, 'nmap-queue', 'arn'),
    );
    expect(subscription).toEqual({
      topic_arn: topic,
      protocol: 'sqs',
      endpoint: queueRef(synthesized, 'nmap-queue', 'arn'),
      raw_message_delivery: true,
      filter_policy: JSON.stringify({ addressType: ['ipv4', 'ipv6'] }),
      filter_policy_scope: 'MessageAttributes',
    });
    const policy = resourceWhere(
      synthesized,
      'aws_sqs_queue_policy',
      (resource) => resource.queue_url === queueRef(synthesized, 'nmap-queue', 'url'),
    );
    expect(JSON.parse(String(policy.policy)).Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'sns.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': [topic] } },
      }),
    ]);
  });

  it('gives the input queue a dead-letter queue after three receives, drained by the recorder', () => {
    const queue = resourceWhere(
      synthesized,
      'aws_sqs_queue',
      (resource) => resource.name === `${prefix}-nmap-queue`,
    );
    expect(JSON.parse(String(queue.redrive_policy))).toEqual({
      deadLetterTargetArn: queueRef(synthesized, 'nmap-queue-dlq', 'arn'),
      maxReceiveCount: 3,
    });
    expect(
      resourceWhere(
        synthesized,
        'aws_lambda_event_source_mapping',
        (mapping) => mapping.event_source_arn === queueRef(synthesized, 'nmap-queue-dlq', 'arn'),
      ).function_name,
    ).toBe(
      refTo(
        synthesized,
        'aws_lambda_function',
        'arn',
        (fn) => fn.function_name === `${prefix}-test-dead-letter-recorder`,
      ),
    );
  });

  it('keeps raw results in a private, encrypted bucket that moves them to cheaper storage and never expires them', () => {
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket').bucket).toBe(`${prefix}-nmap-raw-results`);
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' }, bucket_key_enabled: true },
    ]);
    const [rule] = onlyResourceOf(synthesized, 'aws_s3_bucket_lifecycle_configuration').rule as Record<
      string,
      unknown
    >[];
    expect(rule?.transition).toEqual([
      { days: 30, storage_class: 'STANDARD_IA' },
      { days: 180, storage_class: 'GLACIER_IR' },
    ]);
    expect(rule?.expiration).toBeUndefined();
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_notification').eventbridge).toBe(true);
  });

  it("routes the bucket's objects created under raw/ through EventBridge to the parser's queue, which admits that rule", () => {
    const rule = onlyResourceOf(synthesized, 'aws_cloudwatch_event_rule');
    expect(rule.name).toBe(`${prefix}-nmap-raw-created`);
    expect(JSON.parse(String(rule.event_pattern))).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [bucketRef(synthesized, 'bucket')] }, object: { key: [{ prefix: 'raw/' }] } },
    });
    expect(onlyResourceOf(synthesized, 'aws_cloudwatch_event_target')).toEqual({
      rule: refTo(synthesized, 'aws_cloudwatch_event_rule', 'name'),
      target_id: 'raw-events',
      arn: queueRef(synthesized, 'nmap-raw-events', 'arn'),
    });
    const policy = resourceWhere(
      synthesized,
      'aws_sqs_queue_policy',
      (resource) => resource.queue_url === queueRef(synthesized, 'nmap-raw-events', 'url'),
    );
    expect(JSON.parse(String(policy.policy)).Statement).toEqual([
      {
        Sid: 'RawCreatedEventsDeliver',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueRef(synthesized, 'nmap-raw-events', 'arn'),
        Condition: { ArnEquals: { 'aws:SourceArn': refTo(synthesized, 'aws_cloudwatch_event_rule', 'arn') } },
      },
    ]);
  });

  it('runs the parser from that queue with the task, bucket and topic in its environment', () => {
    const parserArn = refTo(
      synthesized,
      'aws_lambda_function',
      'arn',
      (fn) => fn.function_name === `${prefix}-nmap-parser`,
    );
    expect(
      resourceWhere(
        synthesized,
        'aws_lambda_event_source_mapping',
        (mapping) => mapping.event_source_arn === queueRef(synthesized, 'nmap-raw-events', 'arn'),
      ),
    ).toMatchObject({
      function_name: parserArn,
      batch_size: 5,
      function_response_types: ['ReportBatchItemFailures'],
    });
    const parser = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (fn) => fn.function_name === `${prefix}-nmap-parser`,
    );
    expect((parser.environment as { variables: Record<string, string> }).variables).toMatchObject({
      SEC_AN_TASK_NAME: 'nmap',
      SEC_AN_RESULTS_BUCKET: bucketRef(synthesized, 'bucket'),
      SEC_AN_RESULTS_TOPIC_ARN: topicArn(synthesized),
    });
  });

  it('lets the parser read raw/, put claim checks, publish its topic and record the last scan, nothing more', () => {
    const bucketArn = bucketRef(synthesized, 'arn');
    const statements = grantedStatements(synthesized, 'nmap_parser_role');
    const beyondFunction = statements.filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms|sqs):/.test(action)),
    );
    expect(beyondFunction).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${bucketArn}/raw/*`] },
      {
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: [bucketArn],
        Condition: { StringLike: { 's3:prefix': ['raw/*'] } },
      },
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: [topicArn(synthesized)] },
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
        Resource: [`${bucketArn}/claim-checks/*`],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:UpdateItem'],
        Resource: [referencedParameter(synthesized, parameter('task-execution', 'addresses-table', 'arn'))],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [
          expect.stringContaining(`:parameter${parameter('task-execution', 'addresses-table', 'name')}`),
        ],
      },
    ]);
  });

  it('publishes its results topic, and subscribes the ingest queue analytics-platform publishes to scan results', () => {
    expect(publishedParameters(synthesized)).toMatchObject({
      [parameter('nmap-scanner', 'nmap-results-topic', 'arn')]: topicArn(synthesized),
      [parameter('nmap-scanner', 'nmap-raw-results', 'name')]: bucketRef(synthesized, 'bucket'),
      [parameter('nmap-scanner', 'nmap-raw-results', 'arn')]: bucketRef(synthesized, 'arn'),
    });
    const ingestQueue = referencedParameter(
      synthesized,
      parameter('analytics-platform', 'ingest-queue', 'arn'),
    );
    expect(
      resourceWhere(
        synthesized,
        'aws_sns_topic_subscription',
        (resource) => resource.endpoint === ingestQueue,
      ),
    ).toEqual({
      topic_arn: topicArn(synthesized),
      protocol: 'sqs',
      endpoint: ingestQueue,
      raw_message_delivery: true,
      filter_policy: JSON.stringify({ contract: ['scan-result'] }),
      filter_policy_scope: 'MessageAttributes',
    });
  });

  it('defines a Fargate task of the documented default size, with its own execution and task roles', () => {
    expect(onlyResourceOf(synthesized, 'aws_ecs_task_definition')).toMatchObject({
      family: `${prefix}-nmap`,
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: '1024',
      memory: '2048',
      runtime_platform: { operating_system_family: 'LINUX', cpu_architecture: 'ARM64' },
      execution_role_arn: roleArn(synthesized, 'nmap-task-execution'),
      task_role_arn: roleArn(synthesized, 'nmap-task'),
      volume: [{ name: 'scratch' }],
    });
    const execution = resourceWhere(
      synthesized,
      'aws_iam_role',
      (role) => role.name === `${prefix}-nmap-task`,
    );
    expect(JSON.parse(String(execution.assume_role_policy)).Statement[0].Principal).toEqual({
      Service: 'ecs-tasks.amazonaws.com',
    });
  });

  it('runs the container with a read-only root, one scratch volume, its logs in an encrypted group', () => {
    const logGroup = resourceWhere(
      synthesized,
      'aws_cloudwatch_log_group',
      (group) => group.name === `/aws/ecs/${prefix}-nmap`,
    );
    expect(logGroup.kms_key_id).toBe(
      referencedParameter(synthesized, parameter('shared-infra', 'log-key', 'arn')),
    );
    expect(containerDefinitions(synthesized)).toEqual([
      {
        name: 'nmap',
        image: 'registry.example/nmap:1.0.0',
        essential: true,
        command: ['scan'],
        environment: [
          { name: 'NMAP_TIMING', value: 'T4' },
          { name: 'SEC_AN_APP', value: 'sec-an' },
          { name: 'SEC_AN_STAGE', value: 'test' },
          { name: 'SEC_AN_TASK_NAME', value: 'nmap' },
        ],
        readonlyRootFilesystem: true,
        mountPoints: [{ sourceVolume: 'scratch', containerPath: '/tmp', readOnly: false }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': refTo(synthesized, 'aws_cloudwatch_log_group', 'name', (group) =>
              String(group.name).startsWith('/aws/ecs/'),
            ),
            'awslogs-region': 'eu-west-2',
            'awslogs-stream-prefix': 'nmap',
          },
        },
      },
    ]);
  });

  it('lets the execution role write the logs and the task role write raw/ and read its staged request', () => {
    const bucketArn = bucketRef(synthesized, 'arn');
    expect(grantedStatements(synthesized, 'nmap_execution-role')).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [
          `${refTo(synthesized, 'aws_cloudwatch_log_group', 'arn', (group) => group.name === `/aws/ecs/${prefix}-nmap`)}:*`,
        ],
      },
    ]);
    expect(grantedStatements(synthesized, 'nmap_task-role')).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
        Resource: [`${bucketArn}/raw/*`],
      },
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${bucketArn}/requests/*`] },
      {
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: [bucketArn],
        Condition: { StringLike: { 's3:prefix': ['requests/*'] } },
      },
    ]);
  });

  it("places the task in a security group of shared-infra's VPC that admits nothing and lets it reach out", () => {
    expect(onlyResourceOf(synthesized, 'aws_security_group')).toMatchObject({
      name: `${prefix}-nmap-task`,
      vpc_id: referencedParameter(synthesized, parameter('shared-infra', 'vpc', 'id')),
      ingress: [],
      egress: [
        {
          description: 'Scan targets on any port and protocol',
          protocol: '-1',
          from_port: 0,
          to_port: 0,
          cidr_blocks: ['0.0.0.0/0'],
          ipv6_cidr_blocks: ['::/0'],
        },
      ],
    });
  });

  it('runs the launcher from the input queue with what RunTask needs in its environment', () => {
    const launcher = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (fn) => fn.function_name === `${prefix}-nmap-launcher`,
    );
    expect((launcher.environment as { variables: Record<string, string> }).variables).toMatchObject({
      SEC_AN_TASK_NAME: 'nmap',
      SEC_AN_RESULTS_BUCKET: bucketRef(synthesized, 'bucket'),
      SEC_AN_TASK_DEFINITION_ARN: definitionRef(synthesized, 'arn'),
      SEC_AN_TASK_CONTAINER: 'nmap',
      SEC_AN_TASK_SECURITY_GROUP: refTo(synthesized, 'aws_security_group', 'id'),
    });
    expect(
      resourceWhere(
        synthesized,
        'aws_lambda_event_source_mapping',
        (mapping) => mapping.event_source_arn === queueRef(synthesized, 'nmap-queue', 'arn'),
      ),
    ).toMatchObject({ batch_size: 10, scaling_config: { maximum_concurrency: 2 } });
  });

  it('lets the launcher start this definition in the cluster only, pass its two roles to ECS, and read its settings', () => {
    const statements = grantedStatements(synthesized, 'nmap_launcher_role');
    const bucketArn = bucketRef(synthesized, 'arn');
    const ssm = (project: string, thing: string, attribute: string) =>
      expect.stringContaining(`:parameter${parameter(project, thing, attribute)}`);
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Effect: 'Allow',
          Action: ['ecs:RunTask'],
          Resource: [`${definitionRef(synthesized, 'arn_without_revision')}:*`],
          Condition: {
            ArnEquals: {
              'ecs:cluster': referencedParameter(synthesized, parameter('task-execution', 'cluster', 'arn')),
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['iam:PassRole'],
          Resource: [roleArn(synthesized, 'nmap-task-execution'), roleArn(synthesized, 'nmap-task')],
          Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        },
        {
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
          Resource: [`${bucketArn}/requests/*`],
        },
      ]),
    );
    const parameters = statements
      .filter((statement) => statement.Action.includes('ssm:GetParameter'))
      .flatMap((statement) => statement.Resource);
    expect(parameters).toEqual([
      ssm('task-execution', 'scan-scope', 'definition'),
      ssm('task-execution', 'cluster', 'arn'),
      ssm('task-execution', 'task-subnets', 'tier'),
      ssm('shared-infra', 'public-subnets', 'ids'),
      ssm('shared-infra', 'private-subnets', 'ids'),
    ]);
    expect(statements.flatMap((statement) => statement.Action)).not.toContain('s3:GetObject');
  });

  it('grants no restrictable action on every resource, to any role', () => {
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('takes the size it is given', () => {
    const sized = synthesizeNmap({ cpu: 4096, memoryMiB: 12_288, cpuArchitecture: 'X86_64' });
    expect(onlyResourceOf(sized, 'aws_ecs_task_definition')).toMatchObject({
      cpu: '4096',
      memory: '12288',
      runtime_platform: { operating_system_family: 'LINUX', cpu_architecture: 'X86_64' },
    });
  });

  it.each([
    [{ cpu: 1024, memoryMiB: 1024 }, /memoryMiB 1024 does not go with cpu 1024: one of 2048, 3072/],
    [{ cpu: 3000 }, /cpu 3000 is not a Fargate size/],
    [{ name: 'Nmap' }, /name "Nmap" must be 2..63 lower-case letters/],
    [
      { container: { image: 'nmap:1', environment: { SEC_AN_STAGE: 'prod' } } },
      /container.environment SEC_AN_STAGE: SEC_AN_, AWS_ and ECS_ variables are set by the task/,
    ],
    [
      { input: { filterPolicy: { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] } } },
      /input.filterPolicy: a filter policy has at most 5 keys/,
    ],
  ] as const)('refuses %j before building anything, naming the construct', (props, message) => {
    const stack = testStack({ project: 'nmap-scanner' });
    let error: unknown;
    try {
      new EcsTask(stack, 'nmap', { ...nmapProps, ...props });
    } catch (thrown) {
      error = thrown;
    }
    expect(String(error)).toMatch(/^Error: test\/nmap: /);
    expect(String(error)).toMatch(message);
    expect(stack.node.findAll().filter((child) => child.node.path.startsWith('test/nmap/'))).toEqual([]);
  });
});
