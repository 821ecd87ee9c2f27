import { fileURLToPath } from 'node:url';
import type { Construct } from '@sec-an/constructs/cdktf';
import { grantReadParameter, publishParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { EcsTask } from '@sec-an/task-execution/task';
import { nmapTask } from '../results-parser/index.ts';
import { scanProfileParameter } from '../scan-profile/index.ts';
import { nmapScannerProject } from './nmap-scanner-project.ts';
import type { NmapScannerSettings } from './nmap-scanner-settings.ts';

export interface NmapTaskStackProps extends DeploymentSettings {
  readonly settings: NmapScannerSettings;
}

const sourceFile = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The parser holds one host's subtree at most (64 Mi characters) besides the gzipped object. */
const parserSettings = { memorySizeMb: 1024, timeoutSeconds: 120 } as const;

/**
 * The nmap task: a Fargate task per scan request (the image's entrypoint, or locally the same entrypoint from
 * the sources), its raw lake, the parser each raw scan triggers, and the results topic the ingest and secondary
 * scanners subscribe to. The scan profile is published here with the stage's definition; the container reads it
 * and the scope at every scan.
 */
export class NmapTaskStack extends ServiceStack {
  readonly task: EcsTask;

  constructor(scope: Construct, id: string, props: NmapTaskStackProps) {
    super(scope, id, { ...props, project: nmapScannerProject });
    const { settings } = props;
    publishParameter(
      this,
      scanProfileParameter.thing,
      scanProfileParameter.attribute,
      JSON.stringify(settings.scanProfile),
    );
    this.task = new EcsTask(this, 'nmap', {
      name: nmapTask,
      input: { filterPolicy: { addressType: [...settings.addressTypes] } },
      container: {
        image: settings.image,
        ...(settings.runsFromSources
          ? { command: [process.execPath, sourceFile('../entrypoint/main.ts')] }
          : {}),
      },
      parser: { entry: sourceFile('../handlers/results-parser.ts'), ...parserSettings },
    });
    this.task.grantReadScanScope(this.task.taskRole);
    grantReadParameter(this, this.task.taskRole, scanProfileParameter);
  }
}
