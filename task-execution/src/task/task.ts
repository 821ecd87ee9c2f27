import type { Construct } from '@sec-an/constructs/cdktf';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { TaskBase } from './task-base.ts';
import type { TaskBaseProps, TaskFunctionProps } from './task-props.ts';

export interface TaskProps extends TaskBaseProps {
  /**
   * The scanner's scan function: it drains the input queue (batch item failures reported, as `sqsHandler` does),
   * checks the scope, scans, and writes its raw output under `raw/` of the bucket in `SEC_AN_RESULTS_BUCKET`.
   * Batch size default: 1 (a scan fills an invocation); concurrency default: 2.
   */
  readonly scan: TaskFunctionProps;
}

export const defaultScanConsumer = { batchSize: 1, maximumConcurrency: 2 } as const;

/**
 * A task whose scan runs in a Lambda function (a scan that fits in 15 minutes and needs no binary of its own, like
 * the TLS scanner). Its function may only consume its queue, read the scope and write raw output.
 */
export class Task extends TaskBase {
  readonly scanFunction: NodeFunction;

  constructor(scope: Construct, id: string, props: TaskProps) {
    super(scope, id, props, []);
    const { entry, environment, batchSize, maximumConcurrency, ...settings } = props.scan;
    this.scanFunction = new NodeFunction(this, 'scan', {
      ...settings,
      name: `${props.name}-scan`,
      entry,
      description: `Scans for ${props.name}`,
      environment: { ...environment, ...this.taskEnvironment() },
    });
    this.scanFunction.consume(this.inputQueue, {
      batchSize: batchSize ?? defaultScanConsumer.batchSize,
      maximumConcurrency: maximumConcurrency ?? defaultScanConsumer.maximumConcurrency,
    });
    this.grantWriteRawResults(this.scanFunction);
    this.grantReadScanScope(this.scanFunction);
  }
}
