import { setupLocalPlatform } from '../../setup/index.ts';
import { say, seconds } from '../output.ts';

export const setupCommand = {
  name: 'setup',
  summary: 'install what the local platform needs (Debian packages, moto, OpenSearch); cached in .local/',
  run: async (): Promise<void> => {
    const report = await setupLocalPlatform();
    if (report.installedPackages.length > 0)
      say(`installed Debian packages: ${report.installedPackages.join(', ')}`);
    say(`ready: ${report.moto}, ${report.openSearch} (setup took ${seconds(report.tookMs)})`);
  },
};
