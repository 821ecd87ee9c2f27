import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueFile, renderCatalogue } from './catalogue.ts';
import { synthesizeForCatalogue } from './synthesized-stacks.ts';

/**
 * Regenerates the generated blocks of docs/catalogue.md from the contracts and the synthesized stacks; with
 * `--check`, writes nothing and exits 1 when the committed file differs.
 */
const check = process.argv.includes('--check');
const outdir = mkdtempSync(join(tmpdir(), 'sec-an-catalogue-'));
try {
  const began = performance.now();
  const rendered = await renderCatalogue(await synthesizeForCatalogue(outdir));
  const seconds = Math.round((performance.now() - began) / 1000);
  if (rendered === readFileSync(catalogueFile, 'utf8')) {
    console.error(`docs/catalogue.md is up to date (${seconds} s)`);
  } else if (check) {
    console.error('docs/catalogue.md differs from the code: run `pnpm -s docs:catalogue` and commit it');
    process.exitCode = 1;
  } else {
    writeFileSync(catalogueFile, rendered);
    console.error(`docs/catalogue.md regenerated (${seconds} s)`);
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
