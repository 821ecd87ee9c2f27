/** nmap-scanner's task, as its documents and indices name it (`nmap-scanner-port-snapshot`). */
export const nmapTask = 'nmap-scanner';
/** The TLS scanner's task, as its documents and indices name it (`ssl-scanner-tls-endpoint-snapshot`). */
export const tlsTask = 'ssl-scanner';
/** task-execution's address table, as its sync names it in OpenSearch. */
export const addressesTask = 'dns-addresses';
