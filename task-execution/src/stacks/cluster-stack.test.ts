import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, publishedParameters, refTo, synthesize } from '@sec-an/constructs/testing';
import { ClusterStack } from './cluster-stack.ts';

describe('ClusterStack', () => {
  const synthesized = synthesize(new ClusterStack(Testing.app(), 'cluster', { stage: 'test' }));

  it('creates a Fargate cluster with Container Insights', () => {
    expect(onlyResourceOf(synthesized, 'aws_ecs_cluster')).toMatchObject({
      name: 'sec-an-test-task-execution-scanning',
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
    expect(onlyResourceOf(synthesized, 'aws_ecs_cluster_capacity_providers')).toEqual({
      cluster_name: refTo(synthesized, 'aws_ecs_cluster', 'name'),
      capacity_providers: ['FARGATE'],
      default_capacity_provider_strategy: [{ capacity_provider: 'FARGATE', weight: 1, base: 0 }],
    });
  });

  it("publishes the cluster's ARN and name, and the subnets' tier, for the scanners' tasks", () => {
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/task-execution/cluster/arn': refTo(synthesized, 'aws_ecs_cluster', 'arn'),
      '/sec-an/test/task-execution/cluster/name': refTo(synthesized, 'aws_ecs_cluster', 'name'),
      '/sec-an/test/task-execution/task-subnets/tier': 'public',
    });
    const privateTasks = synthesize(
      new ClusterStack(Testing.app(), 'cluster', { stage: 'test', taskSubnetTier: 'private' }),
    );
    expect(publishedParameters(privateTasks)['/sec-an/test/task-execution/task-subnets/tier']).toBe(
      'private',
    );
  });
});
