import { describe, expect, it } from '@jest/globals';
import { toImportObject } from '@sec-an/analytics-platform/dashboards';
import { SearchContentStack } from '@sec-an/analytics-platform/search-setup';
import { Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, referencedParameter, synthesize } from '@sec-an/constructs/testing';
import { taskExecutionSavedObjects, taskExecutionTemplates } from '../document-types/index.ts';
import { taskExecutionProject } from './task-execution-project.ts';

describe('SearchContentStack', () => {
  it("provisions the synced tables' templates and the dashboards through the setup function analytics-platform publishes", () => {
    const savedObjects = taskExecutionSavedObjects(86_400);
    const synthesized = synthesize(
      new SearchContentStack(Testing.app(), 'search-content', {
        stage: 'test',
        project: taskExecutionProject,
        contentId: 'task-execution',
        templates: taskExecutionTemplates,
        savedObjects: savedObjects.map(toImportObject),
      }),
    );
    const invocation = onlyResourceOf(synthesized, 'aws_lambda_invocation');
    expect(invocation.function_name).toBe(
      referencedParameter(synthesized, '/sec-an/test/analytics-platform/search-setup/function-arn'),
    );
    const request = JSON.parse(String(invocation.input));
    expect(request).toEqual({
      templates: taskExecutionTemplates,
      savedObjects: savedObjects.map(toImportObject),
    });
    expect(request.templates.map(({ name }: { name: string }) => name)).toEqual([
      'dns-hosts-host',
      'dns-addresses-address',
    ]);
  });
});
