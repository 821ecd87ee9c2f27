import { changeIndex, singleIndexTemplate } from '@sec-an/contracts/search-index';

/** What a change document says happened to an entity between two results of its subject. */
export const changeKinds = ['appeared', 'disappeared', 'changed'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** Longer values (a certificate in PEM) stay in `_source` but are not searchable. */
const longestSearchableValue = 1024;

export const changeTemplate = singleIndexTemplate(changeIndex, {
  '@timestamp': { type: 'date' },
  change: { type: 'keyword' },
  task: { type: 'keyword' },
  type: { type: 'keyword' },
  field: { type: 'keyword' },
  before: { type: 'keyword', ignore_above: longestSearchableValue },
  after: { type: 'keyword', ignore_above: longestSearchableValue },
  label: { type: 'keyword' },
  subject: { properties: { key: { type: 'keyword' }, label: { type: 'keyword' } } },
  entity: { properties: { key: { type: 'keyword' } } },
  scan: {
    properties: {
      id: { type: 'keyword' },
      endedAt: { type: 'date' },
      previousId: { type: 'keyword' },
      previousEndedAt: { type: 'date' },
    },
  },
});
