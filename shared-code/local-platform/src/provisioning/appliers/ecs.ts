import {
  type Compatibility,
  type ContainerDefinition,
  type CPUArchitecture,
  CreateClusterCommand,
  ECSClient,
  type NetworkMode,
  type OSFamily,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { InvalidConfigurationError } from '../errors.ts';

const ecsTags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

export const applyEcsCluster: Applier = async (config, context) => {
  const name = config.string('name');
  const tags = context.tagsOf(config);
  const { cluster } = await awsClient(ECSClient).send(
    new CreateClusterCommand({
      clusterName: name,
      settings: config.blocks('setting').map((setting) => ({
        name: setting.string('name') as 'containerInsights',
        value: setting.string('value'),
      })),
      tags: ecsTags(tags),
    }),
  );
  const arn = cluster?.clusterArn ?? '';
  context.deployment.ecsClusters.push({
    address: context.address,
    project: context.project,
    clusterName: name,
    clusterArn: arn,
  });
  return { ...config.values, id: arn, arn, name, tags_all: tags };
};

/** Terraform passes the JSON through to ECS, so its keys are already the API's. */
const containerDefinitions = (config: ResourceConfig, address: string): ContainerDefinition[] => {
  const text = config.string('container_definitions');
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed as ContainerDefinition[];
  } catch {
    // reported below with the text
  }
  throw new InvalidConfigurationError(address, `container_definitions is not a JSON list: ${text}`);
};

/**
 * A local deviation: moto's RunTask fails on a container that sets neither `memory` nor `memoryReservation`,
 * which Fargate allows when the task sets `memory`; such containers get an equal share of the task's memory as
 * their reservation, so that handlers can run the task.
 */
const withMemoryReservations = (
  containers: ContainerDefinition[],
  taskMemory: string | undefined,
): ContainerDefinition[] => {
  const share = Math.floor(Number(taskMemory) / containers.length);
  if (!(share > 0)) return containers;
  return containers.map((container) =>
    container.memory === undefined && container.memoryReservation === undefined
      ? { ...container, memoryReservation: share }
      : container,
  );
};

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const runtimePlatform = (config: ResourceConfig) => {
  const platform = config.block('runtime_platform');
  if (platform === undefined) return {};
  return {
    runtimePlatform: {
      ...optional(
        'operatingSystemFamily',
        platform.optionalString('operating_system_family') as OSFamily | undefined,
      ),
      ...optional(
        'cpuArchitecture',
        platform.optionalString('cpu_architecture') as CPUArchitecture | undefined,
      ),
    },
  };
};

export const applyEcsTaskDefinition: Applier = async (config, context) => {
  const family = config.string('family');
  const tags = context.tagsOf(config);
  const compatibilities = config.stringList('requires_compatibilities') as Compatibility[];
  const storage = config.block('ephemeral_storage');
  const { taskDefinition } = await awsClient(ECSClient).send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: withMemoryReservations(
        containerDefinitions(config, context.address),
        config.optionalString('memory'),
      ),
      ...optional('cpu', config.optionalString('cpu')),
      ...optional('memory', config.optionalString('memory')),
      ...optional('networkMode', config.optionalString('network_mode') as NetworkMode | undefined),
      ...optional('executionRoleArn', config.optionalString('execution_role_arn')),
      ...optional('taskRoleArn', config.optionalString('task_role_arn')),
      ...(compatibilities.length === 0 ? {} : { requiresCompatibilities: compatibilities }),
      ...runtimePlatform(config),
      ...(storage === undefined
        ? {}
        : { ephemeralStorage: { sizeInGiB: storage.number('size_in_gib', 21) } }),
      ...(Object.keys(tags).length === 0 ? {} : { tags: ecsTags(tags) }),
    }),
  );
  const arn = taskDefinition?.taskDefinitionArn ?? '';
  return {
    ...config.values,
    id: family,
    arn,
    arn_without_revision: arn.replace(/:\d+$/, ''),
    revision: taskDefinition?.revision,
    tags_all: tags,
  };
};
