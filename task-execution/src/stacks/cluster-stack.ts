import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import type { SubnetTier } from '../task-runtime/task-settings.ts';
import {
  clusterArnParameter,
  clusterNameParameter,
  taskSubnetTierParameter,
} from './published-parameters.ts';
import { taskExecutionProject } from './task-execution-project.ts';

export interface ClusterStackProps extends DeploymentSettings {
  /** Which of shared-infra's subnets the tasks run in. Default: public (no NAT gateways). */
  readonly taskSubnetTier?: SubnetTier;
}

/**
 * The ECS cluster the scanners' Fargate tasks run in. It holds no instances: Fargate runs each task, in the
 * subnets of the tier published here (the ECS Task construct's launcher reads it at call time: private subnets
 * when shared-infra has NAT gateways to reach the targets through). Container Insights records each task's CPU,
 * memory and network use.
 */
export class ClusterStack extends ServiceStack {
  readonly cluster: EcsCluster;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    this.cluster = new EcsCluster(this, 'cluster', {
      name: this.physicalName('scanning', 255),
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
    new EcsClusterCapacityProviders(this, 'capacity-providers', {
      clusterName: this.cluster.name,
      capacityProviders: ['FARGATE'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    });
    publishParameter(this, clusterArnParameter.thing, clusterArnParameter.attribute, this.cluster.arn);
    publishParameter(this, clusterNameParameter.thing, clusterNameParameter.attribute, this.cluster.name);
    publishParameter(
      this,
      taskSubnetTierParameter.thing,
      taskSubnetTierParameter.attribute,
      props.taskSubnetTier ?? 'public',
    );
  }
}
