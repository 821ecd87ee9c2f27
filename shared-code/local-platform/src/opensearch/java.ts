import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SetupError } from '../errors/index.ts';
import { findOnPath, runCommand } from '../processes/index.ts';

const minimumJavaMajor = 11;

const missingJava = (found: string): SetupError =>
  new SetupError(
    `OpenSearch needs Java ${minimumJavaMajor} or newer (17 recommended), and ${found}`,
    'install it (apt-get install openjdk-17-jre-headless) or point JAVA_HOME at a JDK 17',
  );

const javaBinary = (javaHome: string | undefined): string => {
  if (javaHome !== undefined && javaHome !== '') return join(javaHome, 'bin', 'java');
  const onPath = findOnPath('java');
  if (onPath === undefined) throw missingJava('no java is on PATH and JAVA_HOME is not set');
  return onPath;
};

/** Finds a usable Java and returns its home, for OPENSEARCH_JAVA_HOME. */
export const findJavaHome = async (javaHome = process.env.JAVA_HOME): Promise<string> => {
  const java = javaBinary(javaHome);
  let output: string;
  try {
    output = (await runCommand(java, ['-version'], { timeoutMs: 30_000 })).output;
  } catch {
    throw missingJava(`${java} does not run`);
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(output)?.[1]);
  if (!(major >= minimumJavaMajor)) throw missingJava(`${java} reports: ${output.split('\n')[0]}`);
  return dirname(dirname(realpathSync(java)));
};
