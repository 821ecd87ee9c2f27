import { entityKey } from '@sec-an/contracts/entity-key';

/**
 * One document per archived object, whatever delivers its event and however often: the id is a function of the
 * object's location alone, so a redelivered event overwrites the document with the same content.
 */
export const deadLetterDocumentId = (location: { readonly bucket: string; readonly key: string }): string =>
  entityKey({ bucket: location.bucket, key: location.key });
