import { scanRequestTopicParameter } from '../task-runtime/index.ts';

/** A topic another project publishes at `/{app}/{stage}/{project}/{thing}/arn`, which a task's queue subscribes to. */
export interface TopicSource {
  readonly project: string;
  readonly thing: string;
}

/** The SSM `thing` of a task's results topic: `<task>-results-topic`. */
export const resultsTopicThing = (taskName: string): string => `${taskName}-results-topic`;

/** task-execution's scan-request topic: what every primary scanner consumes. */
export const scanRequests: TopicSource = {
  project: scanRequestTopicParameter.project,
  thing: scanRequestTopicParameter.thing,
};

/** The results topic of another project's task: what a secondary scanner consumes. */
export const resultsOf = (project: string, taskName: string): TopicSource => ({
  project,
  thing: resultsTopicThing(taskName),
});

export const isScanRequests = (source: TopicSource): boolean =>
  source.project === scanRequests.project && source.thing === scanRequests.thing;
