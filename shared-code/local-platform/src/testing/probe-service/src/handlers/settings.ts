/** Where the probe handler reports each record it processed. */
export const observedQueueUrlVariable = 'PROBE_OBSERVED_QUEUE_URL';

/** A message whose body has this property set is refused on every attempt. */
export const refuseProperty = 'refuse';
