/**
 * Index names, shared by whoever writes an index and whoever reads or provisions it. OpenSearch refuses `:` and
 * upper case in index names; task and type names are lower-case words with dashes (see scan-result).
 */

/** The current state of each entity of a type: one document per entity key. */
export const snapshotIndex = (task: string, type: string): string => `${task}-${type}-snapshot`;

/** Every observation of each entity of a type: one document per entity key and scan time. */
export const historyIndex = (task: string, type: string): string => `${task}-${type}-history`;

/** The index template that maps a type's snapshot and history indices. */
export const documentTemplateName = (task: string, type: string): string => `${task}-${type}`;

/** Append-only: what appeared, disappeared or changed between a subject's consecutive results. */
export const changeIndex = 'changes';

/** One document per task and subject: its latest result's time and the documents it held. */
export const subjectIndex = 'scan-subjects';

/** One document per archived dead letter. */
export const deadLetterIndex = 'dead-letters';

/** The history document of an entity observed at a scan time. */
export const historyDocumentId = (key: string, scanTime: string): string => `${key}@${scanTime}`;
