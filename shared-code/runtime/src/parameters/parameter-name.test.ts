import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors/index.ts';
import { parameterName } from './index.ts';

describe('parameterName', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.SEC_AN_STAGE = 'dev';
    delete process.env.SEC_AN_APP;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('follows /{app}/{stage}/{project}/{thing}/{attribute}', () => {
    expect(parameterName({ project: 'analytics-platform', thing: 'ingest-queue', attribute: 'url' })).toBe(
      '/sec-an/dev/analytics-platform/ingest-queue/url',
    );
  });

  it('takes app and stage from the environment or the address', () => {
    process.env.SEC_AN_APP = 'acme';
    expect(parameterName({ project: 'p', thing: 't', attribute: 'a', stage: 'prod' })).toBe(
      '/acme/prod/p/t/a',
    );
  });

  it('refuses to guess a stage', () => {
    delete process.env.SEC_AN_STAGE;
    expect(() => parameterName({ project: 'p', thing: 't', attribute: 'a' })).toThrow(
      /SEC_AN_STAGE is not set/,
    );
  });

  it.each(['Queue', 'ingest/queue', '', '-x', 'a b'])('refuses the segment "%s"', (thing) => {
    expect(() => parameterName({ project: 'p', thing, attribute: 'a' })).toThrow(ConfigurationError);
  });
});
