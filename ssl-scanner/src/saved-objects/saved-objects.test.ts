import { describeSavedObjectsOf } from '@sec-an/analytics-platform/dashboards/testing';
import { platformTemplates } from '@sec-an/analytics-platform/index-templates';
import { sslTemplates } from '../document-types/index.ts';
import { sslScannerDirectory } from './saved-objects.ts';

describeSavedObjectsOf(sslScannerDirectory, [...platformTemplates, ...sslTemplates], {
  changesOfTask: 'ssl-scanner',
});
