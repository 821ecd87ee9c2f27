import { platformTemplates } from '../index-templates/index.ts';
import { analyticsPlatformDirectory } from './platform-dashboards.ts';
import { describeSavedObjectsOf } from './testing/index.ts';

describeSavedObjectsOf(analyticsPlatformDirectory, platformTemplates);
