/** An OpenSearch field mapping, as written in a template's `properties`. */
export interface FieldMapping {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, FieldMapping>>;
  readonly [option: string]: unknown;
}

/**
 * A document type a task produces, declared by the project that owns the task: how its fields are mapped, which
 * of them make a change worth reporting, and which name the entity to a person.
 */
export interface DocumentType {
  readonly task: string;
  readonly type: string;
  /** The parser's fields (the ingest adds the document metadata). Unmapped fields are refused. */
  readonly properties: Readonly<Record<string, FieldMapping>>;
  /** Dotted field paths: a change of one of these between results is a change document. */
  readonly changeFields: readonly string[];
  /** Dotted field paths whose values, joined, name the entity in a change document (`192.0.2.1 443 tcp`). */
  readonly labelFields: readonly string[];
}
