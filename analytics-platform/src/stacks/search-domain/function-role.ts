import { physicalName, type ServiceStack } from '@sec-an/constructs/service-stack';

/**
 * The ARN of the role of a NodeFunction of this project named `functionName`, from the naming rules alone (a
 * ServiceRole is named like its function): another stack of the project can name the role without a Terraform
 * reference to it, in this stack's account and partition.
 */
export const functionRoleArn = (stack: ServiceStack, functionName: string): string =>
  stack.arn('iam', `role/${physicalName(stack.naming, functionName, 64)}`, { global: true });
