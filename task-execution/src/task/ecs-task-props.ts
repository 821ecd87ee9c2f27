import type { FargateSizeProps } from './fargate-size.ts';
import { validateFargateSize } from './fargate-size.ts';
import type { ConsumerProps, TaskBaseProps } from './task-props.ts';

/** The scanner's container. */
export interface ContainerProps {
  /** The image, as ECS pulls it (`<registry>/<repository>:<tag>` or `@sha256:` digest). */
  readonly image: string;
  /**
   * The command, without a shell. Default: the image's. Locally the platform runs it as a host process, so a
   * task meant to run locally names its command.
   */
  readonly command?: readonly string[];
  /** Default: the image's. */
  readonly entryPoint?: readonly string[];
  /** Variables besides the task's and each request's (`SEC_AN_SCAN_REQUEST`...). */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * The one writable path: the root filesystem is read-only, and this path is a scratch volume of the task.
   * Default: `/tmp`.
   */
  readonly scratchPath?: string;
}

export interface EcsTaskProps extends TaskBaseProps, FargateSizeProps {
  readonly container: ContainerProps;
  /** How the launcher drains the input queue. Default: batches of 10, two at a time. */
  readonly launcher?: ConsumerProps;
}

export const defaultEcsTaskProps = {
  scratchPath: '/tmp',
  launcher: { batchSize: 10, maximumConcurrency: 2 },
} as const;

const reservedVariable = /^(SEC_AN_|AWS_|ECS_)/;

export const validateEcsTaskProps = (props: EcsTaskProps): string[] => [
  ...validateFargateSize(props),
  ...(props.container.image.trim() === '' ? ['container.image must name an image'] : []),
  ...Object.keys(props.container.environment ?? {})
    .filter((name) => reservedVariable.test(name))
    .map((name) => `container.environment ${name}: SEC_AN_, AWS_ and ECS_ variables are set by the task`),
  ...((props.container.scratchPath ?? defaultEcsTaskProps.scratchPath).startsWith('/')
    ? []
    : ['container.scratchPath must be an absolute path']),
];
