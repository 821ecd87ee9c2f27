import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import { z } from 'zod';

/** One Dashboards saved object in import form, as a line of an export (`.ndjson`) holds it. */
export interface SavedObject {
  readonly type: string;
  readonly id: string;
  readonly attributes?: unknown;
  readonly references?: unknown;
  readonly migrationVersion?: unknown;
}

/**
 * Who may use the domain besides its master user, by IAM role ARN: functions that write the analytics indices,
 * and the role Cognito gives signed-in Dashboards users.
 */
export interface SearchAccess {
  readonly writerRoleArns: readonly string[];
  readonly dashboardsUserRoleArns: readonly string[];
}

/** What one deploy-time invocation of the search setup function provisions. */
export interface SearchSetupRequest {
  readonly templates: readonly TemplateDefinition[];
  readonly savedObjects?: readonly SavedObject[];
  readonly access?: SearchAccess;
}

const templateDefinition = z.strictObject({
  kind: z.enum(['index', 'component']),
  name: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
});

const savedObject = z.looseObject({ type: z.string().min(1), id: z.string().min(1) });

const roleArns = z.array(z.string().regex(/^arn:[^:]+:iam::\d{12}:role\/.+$/));

export const searchSetupRequestSchema = z.strictObject({
  templates: z.array(templateDefinition),
  savedObjects: z.array(savedObject).optional(),
  access: z.strictObject({ writerRoleArns: roleArns, dashboardsUserRoleArns: roleArns }).optional(),
});

export class SearchSetupRequestError extends Error {
  override readonly name = 'SearchSetupRequestError';
}

/** Refuses a request that is not one, naming what is wrong, before anything is changed. */
export const parseSearchSetupRequest = (event: unknown): SearchSetupRequest => {
  const parsed = searchSetupRequestSchema.safeParse(event);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`,
    );
    throw new SearchSetupRequestError(`not a search setup request: ${problems.join('; ')}`);
  }
  return parsed.data as SearchSetupRequest;
};
