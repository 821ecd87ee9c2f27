/** What the recorder's key says of a dead letter: `dead-letters/<dead-letter queue>/<yyyy>/<mm>/<dd>/<id>.json`. */
export interface ArchiveKeyParts {
  readonly deadLetterQueue: string;
  readonly day: string;
  readonly messageId: string;
}

const archiveKeyPattern = /^dead-letters\/([^/]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\.json$/;

/** The parts of a key the recorder wrote; undefined for any other key (a hand-written object's). */
export const archiveKeyParts = (key: string): ArchiveKeyParts | undefined => {
  const match = archiveKeyPattern.exec(key);
  if (match === null) return undefined;
  const [, deadLetterQueue, year, month, day, messageId] = match as unknown as readonly string[];
  return {
    deadLetterQueue: deadLetterQueue as string,
    day: `${year}-${month}-${day}`,
    messageId: messageId as string,
  };
};
