import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, referencedParameter, synthesize } from '@sec-an/constructs/testing';
import { platformTemplates } from '../index-templates/index.ts';
import { SearchContentStack } from '../search-setup/index.ts';
import { analyticsPlatformProject } from './analytics-platform-project.ts';

describe('SearchContentStack', () => {
  it("provisions the platform's templates and dashboards through the setup function analytics-platform publishes", () => {
    const savedObjects = [{ type: 'index-pattern', id: 'changes', attributes: { title: 'changes' } }];
    const synthesized = synthesize(
      new SearchContentStack(Testing.app(), 'search-content', {
        stage: 'test',
        project: analyticsPlatformProject,
        contentId: 'platform',
        templates: platformTemplates,
        savedObjects,
      }),
    );
    const invocation = onlyResourceOf(synthesized, 'aws_lambda_invocation');
    expect(invocation.function_name).toBe(
      referencedParameter(synthesized, '/sec-an/test/analytics-platform/search-setup/function-arn'),
    );
    expect(JSON.parse(String(invocation.input))).toEqual({ templates: platformTemplates, savedObjects });
  });
});
