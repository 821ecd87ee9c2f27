import { describe, expect, it } from '@jest/globals';
import { toImportObject } from '@sec-an/analytics-platform/dashboards';
import { Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, referencedParameter, synthesize } from '@sec-an/constructs/testing';
import { sslTemplates } from '../document-types/index.ts';
import { sslSavedObjects } from '../saved-objects/index.ts';
import { buildSslScanner } from './ssl-scanner-app.ts';
import { SslScannerSettingsError, sslScannerSettingsFrom } from './ssl-scanner-settings.ts';

describe('ssl-scanner stacks', () => {
  const stacks = buildSslScanner(
    Testing.app(),
    { stage: 'test' },
    { tableDeletionProtection: false, trustAnchors: '{"roots":[]}' },
    sslSavedObjects(),
  );

  it("provisions the parser's templates and the dashboards through analytics-platform's setup function", () => {
    const searchContent = synthesize(stacks.searchContent);
    const invocation = onlyResourceOf(searchContent, 'aws_lambda_invocation');
    expect(invocation.function_name).toBe(
      referencedParameter(searchContent, '/sec-an/test/analytics-platform/search-setup/function-arn'),
    );
    const request = JSON.parse(String(invocation.input));
    expect(request.templates).toEqual(sslTemplates);
    expect(request.savedObjects ?? []).toEqual(sslSavedObjects().map(toImportObject));
  });

  it('deploys the task after the search content, with the stage’s table protection', () => {
    expect(stacks.task.dependencies).toContain(stacks.searchContent);
    expect(onlyResourceOf(synthesize(stacks.task), 'aws_dynamodb_table').deletion_protection_enabled).toBe(
      false,
    );
  });

  it('reads the table protection from the same variable as task-execution, protected by default', () => {
    expect(sslScannerSettingsFrom({}).tableDeletionProtection).toBe(true);
    expect(
      sslScannerSettingsFrom({ SEC_AN_TABLE_DELETION_PROTECTION: 'false' }).tableDeletionProtection,
    ).toBe(false);
    expect(() => sslScannerSettingsFrom({ SEC_AN_TABLE_DELETION_PROTECTION: 'no' })).toThrow(
      SslScannerSettingsError,
    );
  });
});
