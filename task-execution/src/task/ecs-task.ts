import { fileURLToPath } from 'node:url';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { ServiceRole } from '@sec-an/constructs/iam';
import { EncryptedLogGroup } from '@sec-an/constructs/log-group';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { grantReadParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import {
  clusterArnParameter,
  requestsPrefix,
  subnetIdsParameter,
  subnetTiers,
  taskSubnetTierParameter,
  taskVariables,
  vpcIdParameter,
} from '../task-runtime/index.ts';
import { defaultEcsTaskProps, type EcsTaskProps, validateEcsTaskProps } from './ecs-task-props.ts';
import { resolveFargateSize } from './fargate-size.ts';
import { TaskBase } from './task-base.ts';

const tasksService = 'ecs-tasks.amazonaws.com';
const scratchVolume = 'scratch';

const keyValues = (values: Readonly<Record<string, string>>) =>
  Object.entries(values).map(([name, value]) => ({ name, value }));

/**
 * A task whose scan runs as a Fargate task (a scan that outlasts Lambda or needs its own binary, like nmap): the
 * task definition (awsvpc, read-only root filesystem with one scratch volume, logs to an encrypted group), its
 * execution role (logs only) and task role (write raw output, read its staged request), a security group in the
 * shared VPC that admits nothing, and a launcher function that starts one task per scan request.
 */
export class EcsTask extends TaskBase {
  readonly taskDefinition: EcsTaskDefinition;
  readonly containerName: string;
  readonly executionRole: ServiceRole;
  readonly taskRole: ServiceRole;
  readonly logGroup: EncryptedLogGroup;
  readonly securityGroup: SecurityGroup;
  readonly launcher: NodeFunction;

  constructor(scope: Construct, id: string, props: EcsTaskProps) {
    super(scope, id, props, validateEcsTaskProps(props));
    const stack = ServiceStack.of(this);
    const family = stack.physicalName(props.name, 255);
    this.containerName = props.name;

    this.logGroup = new EncryptedLogGroup(this, 'logs', { name: `/aws/ecs/${family}` });
    this.executionRole = new ServiceRole(this, 'execution-role', {
      name: `${props.name}-task-execution`,
      assumedBy: tasksService,
      description: `Starts the tasks of ${props.name}: writes their logs`,
    });
    this.executionRole.addToPolicy({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`${this.logGroup.arn}:*`],
    });
    this.taskRole = new ServiceRole(this, 'task-role', {
      name: `${props.name}-task`,
      assumedBy: tasksService,
      description: `What the container of ${props.name} may do: write raw output`,
    });
    this.grantWriteRawResults(this.taskRole);
    this.rawResults.grantRead(this.taskRole, requestsPrefix);

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: stack.physicalName(`${props.name}-task`, 255),
      description: `Tasks of ${props.name}: nothing in, anything out (a scanner reaches out to its targets)`,
      vpcId: referenceParameter(this, vpcIdParameter).value,
      ingress: [],
      egress: [
        {
          description: 'Scan targets on any port and protocol',
          protocol: '-1',
          fromPort: 0,
          toPort: 0,
          cidrBlocks: ['0.0.0.0/0'],
          ipv6CidrBlocks: ['::/0'],
        },
      ],
    });

    this.taskDefinition = this.defineTask(props, family);
    this.launcher = this.createLauncher(props);
  }

  private defineTask(props: EcsTaskProps, family: string): EcsTaskDefinition {
    const stack = ServiceStack.of(this);
    const size = resolveFargateSize(props);
    const { container } = props;
    const environment = {
      ...container.environment,
      SEC_AN_APP: stack.naming.app,
      SEC_AN_STAGE: stack.naming.stage,
      [taskVariables.taskName]: props.name,
    };
    return new EcsTaskDefinition(this, 'task-definition', {
      family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(size.cpu),
      memory: String(size.memoryMiB),
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: size.cpuArchitecture },
      executionRoleArn: this.executionRole.roleArn,
      taskRoleArn: this.taskRole.roleArn,
      volume: [{ name: scratchVolume }],
      containerDefinitions: JSON.stringify([
        {
          name: this.containerName,
          image: container.image,
          essential: true,
          ...(container.entryPoint === undefined ? {} : { entryPoint: [...container.entryPoint] }),
          ...(container.command === undefined ? {} : { command: [...container.command] }),
          environment: keyValues(environment),
          readonlyRootFilesystem: true,
          mountPoints: [
            {
              sourceVolume: scratchVolume,
              containerPath: container.scratchPath ?? defaultEcsTaskProps.scratchPath,
              readOnly: false,
            },
          ],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': this.logGroup.name,
              'awslogs-region': stack.region,
              'awslogs-stream-prefix': props.name,
            },
          },
        },
      ]),
    });
  }

  /**
   * The launcher may start this task definition only, in task-execution's cluster only, passing its two roles to
   * ECS only; it reads where to place the task at call time.
   */
  private createLauncher(props: EcsTaskProps): NodeFunction {
    const launcher = new NodeFunction(this, 'launcher', {
      name: `${props.name}-launcher`,
      entry: fileURLToPath(new URL('./launcher-handler.ts', import.meta.url)),
      description: `Starts a Fargate task of ${props.name} for each scan request`,
      environment: {
        ...this.taskEnvironment(),
        [taskVariables.taskDefinitionArn]: this.taskDefinition.arn,
        [taskVariables.containerName]: this.containerName,
        [taskVariables.securityGroupId]: this.securityGroup.id,
      },
    });
    launcher.consume(this.inputQueue, {
      batchSize: props.launcher?.batchSize ?? defaultEcsTaskProps.launcher.batchSize,
      maximumConcurrency:
        props.launcher?.maximumConcurrency ?? defaultEcsTaskProps.launcher.maximumConcurrency,
    });
    launcher.addToPolicy({
      actions: ['ecs:RunTask'],
      resources: [`${this.taskDefinition.arnWithoutRevision}:*`],
      conditions: { ArnEquals: { 'ecs:cluster': referenceParameter(this, clusterArnParameter).value } },
    });
    launcher.addToPolicy({
      actions: ['iam:PassRole'],
      resources: [this.executionRole.roleArn, this.taskRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': tasksService } },
    });
    this.rawResults.grantWrite(launcher, requestsPrefix);
    this.grantReadScanScope(launcher);
    for (const parameter of [
      clusterArnParameter,
      taskSubnetTierParameter,
      ...subnetTiers.map(subnetIdsParameter),
    ]) {
      grantReadParameter(this, launcher, parameter);
    }
    return launcher;
  }
}
