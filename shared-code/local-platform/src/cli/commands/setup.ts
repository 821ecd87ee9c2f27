import { setupLocalPlatform } from '../../setup/index.ts';
import { parseArguments } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say, seconds } from '../output.ts';

export const setupCommand: Command = {
  name: 'setup',
  summary: 'install what the local platform needs (Debian packages, moto, OpenSearch); cached in .local/',
  usage: `usage: ./sec-an setup

Installs what the local platform needs: the Debian packages (nmap, Java, openssl...), moto in its own Python
environment and the OpenSearch distribution. Everything is cached in the repository's .local/ folder, so a second
run only checks.

  --help   this text`,
  run: async (args) => {
    parseArguments(args, {});
    const report = await setupLocalPlatform();
    if (report.installedPackages.length > 0)
      say(`installed Debian packages: ${report.installedPackages.join(', ')}`);
    say(`ready: ${report.moto}, ${report.openSearch} (setup took ${seconds(report.tookMs)})`);
  },
};
