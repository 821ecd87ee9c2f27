import { deadLetterBucketParameter } from '@sec-an/constructs/dead-letter-recorder';
import type { DeadLetterRecord } from '@sec-an/contracts/dead-letter';
import { readParameter } from '@sec-an/runtime/parameters';
import { archivePrefix, keyMayBeInWindow, listKeys, readArchivedObject } from '../redrive/archive-objects.ts';

/** A dead letter archived while the replay ran. */
export interface RaisedLetter {
  readonly archiveKey: string;
  readonly letter: DeadLetterRecord;
}

/**
 * The dead letters archived from a moment on: the archive is listed once at the start, and each later look
 * reads only what is new, so letters of earlier failures are never counted.
 */
export class DeadLetterWatch {
  readonly raised: RaisedLetter[] = [];
  private readonly bucket: string;
  private readonly since: Date;
  private readonly known: Set<string>;

  private constructor(bucket: string, since: Date, known: Set<string>) {
    this.bucket = bucket;
    this.since = since;
    this.known = known;
  }

  static async start(since: Date): Promise<DeadLetterWatch> {
    const bucket = await readParameter(deadLetterBucketParameter);
    return new DeadLetterWatch(bucket, since, new Set(await DeadLetterWatch.keysSince(bucket, since)));
  }

  private static async keysSince(bucket: string, since: Date): Promise<string[]> {
    return (await listKeys(bucket, archivePrefix)).filter((key) => keyMayBeInWindow(key, { since }));
  }

  /** Reads the letters archived since the last look; returns them. */
  async look(): Promise<RaisedLetter[]> {
    const fresh: RaisedLetter[] = [];
    for (const key of await DeadLetterWatch.keysSince(this.bucket, this.since)) {
      if (this.known.has(key)) continue;
      this.known.add(key);
      const archived = await readArchivedObject(this.bucket, key);
      if (archived.kind === 'letter') fresh.push({ archiveKey: key, letter: archived.letter });
    }
    this.raised.push(...fresh);
    return fresh;
  }

  /** Whether a letter raised so far carries the event of this object (its key, as the event's JSON holds it). */
  mentions(objectKey: string): boolean {
    const quoted = JSON.stringify(objectKey);
    return this.raised.some(({ letter }) => letter.body.includes(quoted));
  }
}
