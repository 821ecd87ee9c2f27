/** The project name every nmap-scanner stack deploys under; other projects read its parameters by it. */
export const nmapScannerProject = 'nmap-scanner';
