import { describe, expect, it } from '@jest/globals';
import { platformTemplates } from '../index-templates/index.ts';
import { indexPatternFields, templatesMatching } from './template-fields.ts';
import { portTemplates } from './test-fixtures.ts';

describe('indexPatternFields', () => {
  it("lists a pattern's fields from its templates and their components, multi-fields included", () => {
    const fields = indexPatternFields('demo-port-*', portTemplates);
    expect(fields.get('@timestamp')).toEqual({
      name: '@timestamp',
      types: ['date'],
      aggregatable: true,
      searchable: true,
    });
    expect(fields.get('scan.id')).toMatchObject({ types: ['keyword'], aggregatable: true });
    expect(fields.get('banner')).toMatchObject({ types: ['text'], aggregatable: false, searchable: true });
    expect(fields.get('banner.keyword')).toMatchObject({ types: ['keyword'], aggregatable: true });
    expect(fields.get('raw')).toMatchObject({ types: ['object'], aggregatable: false, searchable: false });
    expect(fields.get('_index')).toMatchObject({ aggregatable: true });
  });

  it('finds the platform index templates an index pattern reaches', () => {
    expect(templatesMatching('changes', platformTemplates).map((template) => template.name)).toEqual([
      'changes',
    ]);
    expect(
      templatesMatching('dead-*,scan-*', platformTemplates)
        .map((template) => template.name)
        .sort(),
    ).toEqual(['dead-letters', 'scan-subjects']);
    expect(indexPatternFields('scan-subjects', platformTemplates).get('documents')).toMatchObject({
      types: ['binary'],
      aggregatable: false,
    });
  });
});
