import type { ContainerDefinition, KeyValuePair, TaskOverride } from '@aws-sdk/client-ecs';
import { ComputeError } from './compute-error.ts';

/** One essential container of a task as the host runs it: an argv (no shell) and a whole environment. */
export interface ContainerRun {
  readonly containerName: string;
  /** `entryPoint` then `command`, as a container runtime joins them; the first element is looked up on PATH. */
  readonly argv: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
}

export interface ContainerRunContext {
  readonly family: string;
  /** What the image's own environment would give: the host's PATH and HOME, since its tools stand in. */
  readonly imageEnvironment: Readonly<Record<string, string>>;
  /** The platform's base environment: endpoints, region, credentials, SEC_AN_STAGE... */
  readonly baseEnvironment: Readonly<Record<string, string>>;
  /** What ECS itself puts into every container's environment. */
  readonly ecsEnvironment: Readonly<Record<string, string>>;
}

const asRecord = (pairs: readonly KeyValuePair[] | undefined): Record<string, string> =>
  Object.fromEntries(
    (pairs ?? []).flatMap(({ name, value }) => (name === undefined ? [] : [[name, value ?? '']])),
  );

/** ECS treats a container without `essential` as essential. */
const isEssential = (container: ContainerDefinition): boolean => container.essential !== false;

const containerRun = (
  container: ContainerDefinition,
  overrides: TaskOverride | undefined,
  context: ContainerRunContext,
): ContainerRun => {
  const containerName = container.name ?? '';
  const override = overrides?.containerOverrides?.find(({ name }) => name === containerName);
  const argv = [...(container.entryPoint ?? []), ...(override?.command ?? container.command ?? [])];
  if (argv.length === 0) {
    throw new ComputeError(
      `container ${containerName} of task definition ${context.family} has no command: the image's default command cannot run locally`,
    );
  }
  return {
    containerName,
    argv,
    // An override's variables are added to the definition's, replacing those of the same name, as in ECS.
    environment: {
      ...context.imageEnvironment,
      ...context.baseEnvironment,
      ...context.ecsEnvironment,
      ...asRecord(container.environment),
      ...asRecord(override?.environment),
    },
  };
};

/** What runs of a task: each essential container of its definition, with the task's overrides applied. */
export const containerRuns = (
  containers: readonly ContainerDefinition[],
  overrides: TaskOverride | undefined,
  context: ContainerRunContext,
): ContainerRun[] => containers.filter(isEssential).map((c) => containerRun(c, overrides, context));
