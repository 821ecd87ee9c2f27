import { describeSavedObjectsOf } from '@sec-an/analytics-platform/dashboards/testing';
import { platformTemplates } from '@sec-an/analytics-platform/index-templates';
import { nmapTemplates } from '../document-types/index.ts';
import { nmapScannerDirectory } from './saved-objects.ts';

describeSavedObjectsOf(nmapScannerDirectory, [...platformTemplates, ...nmapTemplates], {
  changesOfTask: 'nmap-scanner',
});
