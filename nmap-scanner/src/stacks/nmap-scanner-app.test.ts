import { describe, expect, it } from '@jest/globals';
import { toImportObject } from '@sec-an/analytics-platform/dashboards';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  allGrantedStatements,
  grantedStatements,
  onlyResourceOf,
  publishedParameters,
  referencedParameter,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { nmapTemplates } from '../document-types/index.ts';
import { nmapSavedObjects } from '../saved-objects/index.ts';
import { defaultScanProfile, parseScanProfile } from '../scan-profile/index.ts';
import { buildNmapScanner } from './nmap-scanner-app.ts';
import { type NmapScannerSettings, nmapScannerSettingsFrom } from './nmap-scanner-settings.ts';

const awsSettings: NmapScannerSettings = {
  scanProfile: defaultScanProfile,
  image: '123456789012.dkr.ecr.eu-west-2.amazonaws.com/nmap-scanner:1.0.0',
  addressTypes: ['ipv4'],
  runsFromSources: false,
};

const build = (settings: NmapScannerSettings = awsSettings) => {
  const stacks = buildNmapScanner(Testing.app(), { stage: 'test' }, settings, nmapSavedObjects());
  return { searchContent: synthesize(stacks.searchContent), task: synthesize(stacks.task), stacks };
};

const containerOf = (synthesized: ReturnType<typeof build>['task']) =>
  (
    JSON.parse(String(onlyResourceOf(synthesized, 'aws_ecs_task_definition').container_definitions)) as {
      image: string;
      command?: string[];
      readonlyRootFilesystem: boolean;
    }[]
  )[0];

describe('nmap-scanner stacks', () => {
  const aws = build();

  it("provisions the parser's templates and the dashboards through analytics-platform's setup function", () => {
    const { searchContent } = aws;
    const invocation = onlyResourceOf(searchContent, 'aws_lambda_invocation');
    expect(invocation.function_name).toBe(
      referencedParameter(searchContent, '/sec-an/test/analytics-platform/search-setup/function-arn'),
    );
    const request = JSON.parse(String(invocation.input));
    expect(request.templates).toEqual(nmapTemplates);
    expect(request.savedObjects ?? []).toEqual(nmapSavedObjects().map(toImportObject));
  });

  it('deploys the task after the search content', () => {
    const { stacks } = aws;
    expect(stacks.task.dependencies).toContain(stacks.searchContent);
  });

  it("takes the scan requests of the stage's address types from task-execution's topic", () => {
    const { task } = build({ ...awsSettings, addressTypes: ['ipv4', 'ipv6'] });
    const subscription = Object.values(task.resource?.aws_sns_topic_subscription ?? {}).find(
      (each) =>
        each.topic_arn === referencedParameter(task, '/sec-an/test/task-execution/scan-request-topic/arn'),
    );
    expect(JSON.parse(String(subscription?.filter_policy))).toEqual({ addressType: ['ipv4', 'ipv6'] });
  });

  it('publishes the scan profile, which the container may read with the scope', () => {
    const profile = parseScanProfile('{"ports":"22,443","timing":3}');
    const { task } = build({ ...awsSettings, scanProfile: profile });
    expect(
      JSON.parse(String(publishedParameters(task)['/sec-an/test/nmap-scanner/scan-profile/definition'])),
    ).toEqual(profile);
    const reads = grantedStatements(task, 'task-role')
      .filter((statement) => statement.Action.includes('ssm:GetParameter'))
      .flatMap((statement) => statement.Resource);
    expect(reads).toEqual([
      expect.stringContaining(':parameter/sec-an/test/task-execution/scan-scope/definition'),
      expect.stringContaining(':parameter/sec-an/test/nmap-scanner/scan-profile/definition'),
    ]);
    expect(starGrants(allGrantedStatements(task))).toEqual([]);
  });

  it("runs the image's own entrypoint on AWS, and the entrypoint from the sources on the local platform", () => {
    expect(containerOf(build().task)).toMatchObject({
      image: awsSettings.image,
      readonlyRootFilesystem: true,
    });
    expect(containerOf(build().task)?.command).toBeUndefined();
    expect(containerOf(build({ ...awsSettings, runsFromSources: true }).task)?.command).toEqual([
      process.execPath,
      expect.stringMatching(/nmap-scanner\/src\/entrypoint\/main\.ts$/),
    ]);
  });

  it('names the parser and gives it room for one host', () => {
    const parser = Object.values(aws.task.resource?.aws_lambda_function ?? {}).find(
      (fn) => fn.function_name === 'sec-an-test-nmap-scanner-nmap-scanner-parser',
    );
    expect(parser).toMatchObject({ memory_size: 1024, timeout: 120 });
  });
});

describe('nmapScannerSettingsFrom', () => {
  it('defaults to the default profile, IPv4 only, and an image tagged with the version', () => {
    expect(nmapScannerSettingsFrom({ SEC_AN_STAGE: 'dev' })).toEqual({
      scanProfile: defaultScanProfile,
      image: expect.stringMatching(/^sec-an-nmap-scanner:\d+\.\d+\.\d+$/),
      addressTypes: ['ipv4'],
      runsFromSources: false,
    });
    expect(nmapScannerSettingsFrom({ SEC_AN_STAGE: 'local' }).runsFromSources).toBe(true);
  });

  it('reads the profile, the image and the address types', () => {
    expect(
      nmapScannerSettingsFrom({
        SEC_AN_NMAP_SCAN_PROFILE: '{"ports":"80"}',
        SEC_AN_NMAP_IMAGE: `registry.example/nmap@sha256:${'a'.repeat(64)}`,
        SEC_AN_NMAP_ADDRESS_TYPES: 'ipv4, ipv6',
      }),
    ).toMatchObject({ scanProfile: { ports: '80' }, addressTypes: ['ipv4', 'ipv6'] });
  });

  it.each([
    [
      { SEC_AN_NMAP_SCAN_PROFILE: '{"scripts":["smb-brute"]}' },
      /SEC_AN_NMAP_SCAN_PROFILE is invalid: .*scripts/s,
    ],
    [{ SEC_AN_NMAP_SCAN_PROFILE: 'ports=80' }, 'SEC_AN_NMAP_SCAN_PROFILE is not JSON'],
    [{ SEC_AN_NMAP_IMAGE: 'nmap-scanner' }, 'SEC_AN_NMAP_IMAGE="nmap-scanner" is not an image with a tag'],
    [{ SEC_AN_NMAP_IMAGE: 'nmap scanner:1' }, 'SEC_AN_NMAP_IMAGE="nmap scanner:1"'],
    [{ SEC_AN_NMAP_ADDRESS_TYPES: 'ipv5' }, 'SEC_AN_NMAP_ADDRESS_TYPES="ipv5" must list ipv4 and/or ipv6'],
    [{ SEC_AN_NMAP_ADDRESS_TYPES: 'ipv4,ipv4' }, 'each once'],
  ])('refuses %j', (environment, message) => {
    expect(() => nmapScannerSettingsFrom(environment)).toThrow(message);
  });
});
