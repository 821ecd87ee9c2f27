import { PermanentError } from '@sec-an/runtime/errors';

/**
 * A stream record that can never become a valid result (an unreadable attribute, a missing scan time): retrying
 * it only delays its trip to the on-failure destination, but it must not hold the records behind it.
 */
export class StreamRecordError extends PermanentError {}
