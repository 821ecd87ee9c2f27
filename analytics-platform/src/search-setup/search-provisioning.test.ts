import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { onlyResourceOf, referencedParameter, synthesize, testStack } from '@sec-an/constructs/testing';
import { platformTemplates } from '../index-templates/index.ts';
import { SearchProvisioning } from './search-provisioning.ts';

const savedObjects = [{ type: 'index-pattern', id: 'changes', attributes: { title: 'changes' } }];

describe('SearchProvisioning', () => {
  it('invokes the setup function published by analytics-platform with the templates and saved objects', () => {
    const stack = testStack({ project: 'nmap-scanner' });
    new SearchProvisioning(stack, 'search', { templates: platformTemplates, savedObjects });
    const synthesized = synthesize(stack);
    const invocation = onlyResourceOf(synthesized, 'aws_lambda_invocation');

    expect(invocation.function_name).toBe(
      referencedParameter(synthesized, '/sec-an/test/analytics-platform/search-setup/function-arn'),
    );
    expect(JSON.parse(String(invocation.input))).toEqual({ templates: platformTemplates, savedObjects });
  });

  it('invokes it again exactly when the request changes', () => {
    const inputOf = (templates = platformTemplates) => {
      const stack = testStack();
      new SearchProvisioning(stack, 'search', { templates });
      return onlyResourceOf(synthesize(stack), 'aws_lambda_invocation');
    };
    const first = inputOf();
    expect(first.triggers).toEqual({
      request: createHash('sha256').update(String(first.input)).digest('hex'),
    });
    expect(inputOf().triggers).toEqual(first.triggers);
    expect(inputOf(platformTemplates.slice(1)).triggers).not.toEqual(first.triggers);
  });

  it('leaves saved objects out of the request when there are none', () => {
    const stack = testStack();
    new SearchProvisioning(stack, 'search', { templates: platformTemplates, savedObjects: [] });
    expect(JSON.parse(String(onlyResourceOf(synthesize(stack), 'aws_lambda_invocation').input))).toEqual({
      templates: platformTemplates,
    });
  });

  it('refuses a template given twice', () => {
    const [first] = platformTemplates;
    if (first === undefined) throw new Error('no platform template');
    expect(() => new SearchProvisioning(testStack(), 'search', { templates: [first, first] })).toThrow(
      'component template sec-an-document-metadata given twice',
    );
  });
});
