import type { Applier } from '../applier.ts';
import { applyCloudwatchLogGroup } from './cloudwatch-log-group.ts';
import { applyDynamodbTable } from './dynamodb-table.ts';
import { applyEcsCluster, applyEcsTaskDefinition } from './ecs.ts';
import { applyCloudwatchEventRule, applyCloudwatchEventTarget } from './event-schedule.ts';
import { applyLambdaEventInvokeConfig } from './lambda-event-invoke-config.ts';
import { applyLambdaEventSourceMapping } from './lambda-event-source-mapping.ts';
import { applyLambdaFunction } from './lambda-function.ts';
import { applyLambdaInvocation } from './lambda-invocation.ts';
import {
  applyCloudwatchLogResourcePolicy,
  applyOpensearchDomain,
  applyOpensearchDomainPolicy,
} from './opensearch-domain.ts';
import { applyRoute53Record } from './route53-record.ts';
import { applyRoute53Zone } from './route53-zone.ts';
import { applyS3Bucket } from './s3-bucket.ts';
import { applyS3BucketLifecycleConfiguration } from './s3-bucket-lifecycle.ts';
import { applyS3BucketNotification } from './s3-bucket-notification.ts';
import {
  applyS3BucketOwnershipControls,
  applyS3BucketPolicy,
  applyS3BucketPublicAccessBlock,
  applyS3BucketServerSideEncryption,
  applyS3BucketVersioning,
} from './s3-bucket-settings.ts';
import { applySecurityGroup } from './security-group.ts';
import { applySnsTopic } from './sns-topic.ts';
import { applySnsTopicPolicy } from './sns-topic-policy.ts';
import { applySnsTopicSubscription } from './sns-topic-subscription.ts';
import { applySqsQueue } from './sqs-queue.ts';
import {
  applySqsQueuePolicy,
  applySqsQueueRedriveAllowPolicy,
  applySqsQueueRedrivePolicy,
} from './sqs-queue-settings.ts';
import { applySsmParameter } from './ssm-parameter.ts';
import { applySubnet, applyVpc } from './vpc-network.ts';

/** The resource types the local platform applies or records; every other type is listed as not applied. */
export const resourceAppliers: Readonly<Record<string, Applier>> = {
  aws_sqs_queue: applySqsQueue,
  aws_sqs_queue_policy: applySqsQueuePolicy,
  aws_sqs_queue_redrive_allow_policy: applySqsQueueRedriveAllowPolicy,
  aws_sqs_queue_redrive_policy: applySqsQueueRedrivePolicy,
  aws_sns_topic: applySnsTopic,
  aws_sns_topic_policy: applySnsTopicPolicy,
  aws_sns_topic_subscription: applySnsTopicSubscription,
  aws_ssm_parameter: applySsmParameter,
  aws_s3_bucket: applyS3Bucket,
  aws_s3_bucket_versioning: applyS3BucketVersioning,
  aws_s3_bucket_server_side_encryption_configuration: applyS3BucketServerSideEncryption,
  aws_s3_bucket_public_access_block: applyS3BucketPublicAccessBlock,
  aws_s3_bucket_policy: applyS3BucketPolicy,
  aws_s3_bucket_lifecycle_configuration: applyS3BucketLifecycleConfiguration,
  aws_s3_bucket_ownership_controls: applyS3BucketOwnershipControls,
  aws_s3_bucket_notification: applyS3BucketNotification,
  aws_dynamodb_table: applyDynamodbTable,
  aws_ecs_cluster: applyEcsCluster,
  aws_ecs_task_definition: applyEcsTaskDefinition,
  aws_lambda_function: applyLambdaFunction,
  aws_lambda_event_source_mapping: applyLambdaEventSourceMapping,
  aws_lambda_function_event_invoke_config: applyLambdaEventInvokeConfig,
  aws_cloudwatch_event_rule: applyCloudwatchEventRule,
  aws_cloudwatch_event_target: applyCloudwatchEventTarget,
  aws_cloudwatch_log_group: applyCloudwatchLogGroup,
  aws_cloudwatch_log_resource_policy: applyCloudwatchLogResourcePolicy,
  aws_lambda_invocation: applyLambdaInvocation,
  aws_opensearch_domain: applyOpensearchDomain,
  aws_opensearch_domain_policy: applyOpensearchDomainPolicy,
  aws_route53_zone: applyRoute53Zone,
  aws_route53_record: applyRoute53Record,
  aws_vpc: applyVpc,
  aws_subnet: applySubnet,
  aws_security_group: applySecurityGroup,
};
