import { describe, expect, it } from '@jest/globals';
import { roleMappingsFor, writerRole, writerRoleDefinition } from './security-roles.ts';
import { parseSearchSetupRequest } from './setup-request.ts';

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe('search setup requests', () => {
  it('take templates, saved objects in import form and IAM roles', () => {
    const request = {
      templates: [{ kind: 'component', name: 'c', body: { template: {} } }],
      savedObjects: [{ type: 'dashboard', id: 'd', attributes: { title: 'D' }, references: [] }],
      access: { writerRoleArns: [role('ingest')], dashboardsUserRoleArns: [role('user')] },
    };
    expect(parseSearchSetupRequest(request)).toEqual(request);
  });

  it('refuse what is not one, naming each problem', () => {
    expect(() =>
      parseSearchSetupRequest({
        templates: [{ kind: 'index', name: '', body: {} }],
        access: { writerRoleArns: ['ingest'], dashboardsUserRoleArns: [] },
      }),
    ).toThrow(/^not a search setup request: templates\.0\.name: .*; access\.writerRoleArns\.0: /);
    expect(() => parseSearchSetupRequest('templates')).toThrow(/\(request\)/);
  });
});

describe('security roles', () => {
  it('map writers to the writer role and signed-in users to reading and using Dashboards', () => {
    expect(
      roleMappingsFor({ writerRoleArns: [role('ingest')], dashboardsUserRoleArns: [role('user')] }),
    ).toEqual({
      [writerRole]: [role('ingest')],
      readall: [role('user')],
      opensearch_dashboards_user: [role('user')],
    });
  });

  it('let writers touch the analytics indices only', () => {
    expect(writerRoleDefinition.index_permissions.flatMap(({ index_patterns }) => index_patterns)).toEqual([
      '*-*-snapshot',
      '*-*-history',
      'changes',
      'scan-subjects',
      'dead-letters',
    ]);
  });
});
