/** The project name every ssl-scanner stack deploys under; other projects read its parameters by it. */
export const sslScannerProject = 'ssl-scanner';
