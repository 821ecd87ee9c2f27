import { code, markdownTable } from './markdown.ts';
import type { SynthesizedStack } from './synthesized-stacks.ts';

/** Resource types that say nothing about what a stack holds (glue between the resources that do). */
const plumbing =
  /^aws_(iam_role_policy|lambda_permission|s3_bucket_(?!notification).+|route_table_association|sqs_queue_policy|cloudwatch_event_target|lambda_event_source_mapping|lambda_function_event_invoke_config|kms_alias)$/;

const resourceCounts = (stack: SynthesizedStack): string =>
  Object.entries(stack.resources)
    .filter(([type]) => !plumbing.test(type))
    .map(([type, blocks]) => {
      const count = Object.keys(blocks).length;
      return `${type.replace(/^aws_/, '').replaceAll('_', ' ')}${count > 1 ? ` ×${count}` : ''}`;
    })
    .sort()
    .join(', ');

/** Each project's stacks, in deploy order, with what each holds by Terraform resource type. */
export const stacksSection = (stacks: readonly SynthesizedStack[]): string =>
  markdownTable(
    ['project', 'stack', 'resources'],
    stacks.map((stack) => [stack.project, code(stack.stack), resourceCounts(stack)]),
  );
