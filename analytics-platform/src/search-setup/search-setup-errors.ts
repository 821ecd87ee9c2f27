/** An existing index whose mapping cannot take its template's new mapping without being rebuilt. */
export interface IncompatibleMapping {
  readonly index: string;
  readonly template: string;
  /** The engine's reason, e.g. `mapper [port] cannot be changed from type [keyword] to [integer]`. */
  readonly reason: string;
}

/** The setup could not do what it was asked; the deploy that invoked it fails with this message. */
export class SearchSetupError extends Error {
  override readonly name: string = 'SearchSetupError';
}

/**
 * Templates were applied, but some existing indices keep their old mapping: a field changed its type, which
 * OpenSearch cannot do in place. The deploy fails so that someone decides: reindex, or rename the field.
 */
export class IncompatibleMappingError extends SearchSetupError {
  override readonly name = 'IncompatibleMappingError';
  readonly incompatible: readonly IncompatibleMapping[];

  constructor(incompatible: readonly IncompatibleMapping[]) {
    super(
      `the templates are applied, but ${incompatible.length} existing index(es) cannot take the new mapping ` +
        `in place; reindex each into a new index (or delete it) to apply it: ${incompatible
          .map(({ index, template, reason }) => `index ${index} (template ${template}): ${reason}`)
          .join('; ')}`,
    );
    this.incompatible = incompatible;
  }
}
