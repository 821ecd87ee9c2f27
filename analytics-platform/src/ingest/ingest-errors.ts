import { PermanentError } from '@sec-an/runtime/errors';

/** A result of a document type nobody provisioned: writing it would let OpenSearch guess its mapping. */
export class MissingTemplateError extends PermanentError {}

/** A document the store refused for what it is (a mapping conflict, too large): only a fix of it can help. */
export class DocumentRefusedError extends PermanentError {}
