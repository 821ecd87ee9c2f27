import { PermanentError } from '@sec-an/runtime/errors';

/**
 * A valid message whose endpoint the TLS scanner can never scan (a UDP port, a port not speaking TLS, an address
 * that is not one host). Permanent: retrying cannot change it, so it is dead-lettered with this message.
 */
export class NoScannableTargetError extends PermanentError {}
