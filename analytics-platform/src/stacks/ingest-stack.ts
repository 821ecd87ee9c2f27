import { fileURLToPath } from 'node:url';
import type { Construct } from '@sec-an/constructs/cdktf';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { referenceParameter } from '@sec-an/constructs/parameters';
import { ServiceQueue } from '@sec-an/constructs/service-queue';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { claimCheckPrefix } from '@sec-an/runtime/sns';
import { ingestBatchSize } from '../ingest/ingest-settings.ts';
import { analyticsPlatformProject } from './analytics-platform-project.ts';
import { grantSearchAccess } from './search-domain/search-access-grants.ts';
import { searchDomainArnParameter } from './search-domain/search-domain-parameters.ts';

export type IngestStackProps = DeploymentSettings;

/** The name of the ingest function; the search-access stack admits its role. */
export const ingestFunctionName = 'ingest';

/**
 * The ingest queue every project's results topic delivers into, and the function that writes each result into
 * the analytics store. The queue admits every topic of this app and stage, so a project deployed later only
 * subscribes its topic; it never changes this stack.
 */
export class IngestStack extends ServiceStack {
  readonly ingestQueue: ServiceQueue;
  readonly ingestFunction: NodeFunction;

  constructor(scope: Construct, id: string, props: IngestStackProps) {
    super(scope, id, { ...props, project: analyticsPlatformProject });
    this.ingestQueue = new ServiceQueue(this, 'ingest-queue', { name: 'ingest-queue' });
    this.ingestQueue.allowTopicsMatching(this.arn('sns', `${this.naming.app}-${this.naming.stage}-*`));
    this.ingestFunction = new NodeFunction(this, 'ingest', {
      name: ingestFunctionName,
      entry: fileURLToPath(new URL('../handlers/ingest.ts', import.meta.url)),
      description: 'Writes scan results into the snapshot, history and change indices',
      timeoutSeconds: 60,
      memorySizeMb: 1024,
    });
    // Large batches make large bulk requests; five at once is what a small domain takes without throttling.
    this.ingestFunction.consume(this.ingestQueue, {
      batchSize: ingestBatchSize,
      maximumBatchingWindowSeconds: 2,
      maximumConcurrency: 5,
    });
    // While the store is unreachable, records go back onto this queue with a delay instead of spending receives.
    this.ingestQueue.grantSendMessages(this.ingestFunction);
    // A result over SNS's size limit arrives as a claim check in its producer's bucket, under this prefix.
    this.ingestFunction.addToPolicy({
      actions: ['s3:GetObject'],
      resources: [
        `arn:${this.partition}:s3:::${this.naming.app}-${this.naming.stage}-*/${claimCheckPrefix}*`,
      ],
    });
    grantSearchAccess(this, this.ingestFunction, referenceParameter(this, searchDomainArnParameter).value);
    this.ingestQueue.publishUrl();
    this.ingestQueue.publishArn();
  }
}
