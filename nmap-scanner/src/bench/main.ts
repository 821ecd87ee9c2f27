import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip, gunzipSync } from 'node:zlib';
import { benchLine } from '@sec-an/local-platform/bench';
import { fixtureXmlPath } from '../results-parser/test-fixtures.ts';
import { writeRepeatedNmapXml } from './large-nmap-xml.ts';
import { type MeasuredRun, measuredRun } from './measured-run.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const mebibyte = 1024 * 1024;
/** Two sizes a factor four apart: the parser's peak memory must not follow the file. */
const sizes = [
  { label: 'small', bytes: 32 * mebibyte },
  { label: 'large', bytes: 128 * mebibyte },
] as const;
const parseFile = fileURLToPath(new URL('./parse-file.ts', import.meta.url));

const parser = (file: string, mode: 'plain' | 'gzip'): Promise<MeasuredRun> =>
  measuredRun(process.execPath, [parseFile, file, mode]);
const xmllint = (file: string): Promise<MeasuredRun> => measuredRun('xmllint', ['--stream', '--noout', file]);

/** The faster of two runs, so one slow moment of the machine does not decide a figure. */
const best = async (run: () => Promise<MeasuredRun>): Promise<MeasuredRun> => {
  const first = await run();
  const second = await run();
  return first.seconds <= second.seconds ? first : second;
};

/**
 * nmap XML parsing: the parser's throughput (MB/s) and peak memory on a large real nmap XML (a real run's hosts
 * repeated under new addresses), against `xmllint --stream` on the same file in the same run, at two sizes.
 */
const benchParser = async (workDir: string): Promise<void> => {
  const realXml = gunzipSync(readFileSync(fixtureXmlPath('ipv4-services'))).toString('utf8');
  const rss: Record<string, number> = {};
  for (const size of sizes) {
    const file = join(workDir, `${size.label}.xml`);
    const made = await writeRepeatedNmapXml(realXml, size.bytes, file);
    const megabytes = made.bytes / 1e6;
    const ours = await best(() => parser(file, 'plain'));
    const reference = await best(() => xmllint(file));
    const id = `nmap-parse.${size.label}`;
    const refId = `xmllint-stream.${size.label}`;
    print(benchLine({ id: `${id}.input`, value: made.bytes, unit: 'bytes' }));
    print(benchLine({ id: `${id}.hosts`, value: JSON.parse(ours.output).hosts, unit: 'hosts' }));
    print(
      benchLine({
        id: `${id}.throughput`,
        value: megabytes / ours.seconds,
        unit: 'MB/s',
        reference: { id: `${refId}.throughput`, value: megabytes / reference.seconds },
      }),
    );
    print(
      benchLine({
        id: `${id}.peak-rss`,
        value: ours.peakRssBytes / mebibyte,
        unit: 'MiB',
        reference: { id: `${refId}.peak-rss`, value: reference.peakRssBytes / mebibyte },
      }),
    );
    rss[size.label] = ours.peakRssBytes / mebibyte;
    if (size.label === 'large') {
      const gzipped = `${file}.gz`;
      await pipeline(createReadStream(file), createGzip(), createWriteStream(gzipped));
      const fromLake = await best(() => parser(gzipped, 'gzip'));
      print(
        benchLine({
          id: `${id}.gzip-throughput`,
          value: megabytes / fromLake.seconds,
          unit: 'MB/s',
          reference: { id: `${id}.throughput`, value: megabytes / ours.seconds },
        }),
      );
    }
    rmSync(file, { force: true });
  }
  print(
    benchLine({
      id: 'nmap-parse.peak-rss.large',
      value: rss.large ?? Number.NaN,
      unit: 'MiB',
      reference: { id: 'nmap-parse.peak-rss.small', value: rss.small ?? Number.NaN },
    }),
  );
};

const workDir = mkdtempSync(join(tmpdir(), 'sec-an-nmap-bench-'));
try {
  await benchParser(workDir);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
