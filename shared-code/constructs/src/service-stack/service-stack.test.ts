import { describe, expect, it } from '@jest/globals';
import { publishParameter } from '../parameters/index.ts';
import { synthesize, testStack } from '../testing/index.ts';
import { deploymentSettingsFrom } from './deployment-settings.ts';
import { physicalName } from './naming.ts';

describe('ServiceStack', () => {
  it('tags every resource with app, stage and project through the provider', () => {
    const stack = testStack();
    publishParameter(stack, 'thing', 'url', 'https://example.test');
    const synthesized = synthesize(stack);
    expect(synthesized.provider).toEqual({
      aws: [
        {
          region: 'eu-west-2',
          default_tags: [{ tags: { app: 'sec-an', stage: 'test', project: 'test-project' } }],
        },
      ],
    });
  });

  it('keeps a local state file per app, stage, project and stack by default', () => {
    const synthesized = synthesize(testStack());
    expect(synthesized.terraform?.backend).toEqual({
      local: { path: 'terraform-state/sec-an/test/test-project/test.tfstate' },
    });
  });

  it('keeps state in S3 with a lock file when asked', () => {
    const synthesized = synthesize(testStack({ stateBackend: { kind: 's3', bucket: 'team-state' } }));
    expect(synthesized.terraform?.backend).toEqual({
      s3: {
        bucket: 'team-state',
        key: 'sec-an/test/test-project/test.tfstate',
        region: 'eu-west-2',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it('refuses names that cannot be part of ARNs and SSM paths', () => {
    expect(() => testStack({ stage: 'Dev_1' })).toThrow('stage "Dev_1" must be lower-case');
  });
});

describe('physicalName', () => {
  const naming = { app: 'sec-an', stage: 'dev', project: 'task-execution' };

  it('prefixes the name with app, stage and project', () => {
    expect(physicalName(naming, 'delay', 80)).toBe('sec-an-dev-task-execution-delay');
  });

  it('cuts long names to the limit and keeps two long names apart', () => {
    const first = physicalName(naming, `${'a'.repeat(60)}-first`, 64);
    const second = physicalName(naming, `${'a'.repeat(60)}-second`, 64);
    expect(first).toHaveLength(64);
    expect(first).not.toBe(second);
  });
});

describe('deploymentSettingsFrom', () => {
  it('requires the stage', () => {
    expect(() => deploymentSettingsFrom({})).toThrow('SEC_AN_STAGE is not set');
  });

  it('keeps state locally unless a state bucket is named', () => {
    expect(deploymentSettingsFrom({ SEC_AN_STAGE: 'dev' })).toEqual({
      stage: 'dev',
      app: 'sec-an',
      region: 'eu-west-2',
      stateBackend: { kind: 'local' },
    });
    expect(
      deploymentSettingsFrom({ SEC_AN_STAGE: 'dev', SEC_AN_STATE_BUCKET: 'state' }).stateBackend,
    ).toEqual({
      kind: 's3',
      bucket: 'state',
    });
  });
});
