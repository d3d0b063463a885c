import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { instrument, markdownSamples, tsdocSamples, type Sample } from './samples.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', '.samples');
const packages = ['core-ledger', 'risk', 'portfolio', 'tax', 'goals', 'workflow-runtime'];

// Checks used by the instrumented samples.
(globalThis as Record<string, unknown>)['__sample'] = {
  expectEqual(actual: unknown, expected: unknown) {
    expect(actual).toEqual(expected);
  },
  async expectThrows(run: () => Promise<void>, code: string | null) {
    let thrown: unknown;
    try {
      await run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown, 'the sample says this throws').toBeDefined();
    if (code) expect((thrown as { code?: unknown }).code).toBe(code);
  },
};

function moduleFor(sample: Sample): string {
  // TSDoc samples see every package's public API, their own package's last so it wins.
  if (!sample.packageName) return instrument(sample.code);
  const own = sample.packageName.replace('@kronos/', '');
  const order = [...packages.filter((p) => p !== own), own].filter((p) => packages.includes(p));
  const imports = order.map((p, i) => `import * as __p${i} from '@kronos/${p}';`).join('\n');
  const scope = `Object.assign(globalThis, ${order.map((_, i) => `__p${i}`).join(', ')});`;
  return `${imports}\n${scope}\n${instrument(sample.code)}\nexport {};\n`;
}

function run(kind: string, samples: Sample[]) {
  if (samples.length === 0) return;
  describe(kind, () => {
    for (const [index, sample] of samples.entries()) {
      it(`runs ${sample.origin}`, async () => {
        mkdirSync(outDir, { recursive: true });
        const file = join(outDir, `${kind}-${index}.ts`);
        writeFileSync(file, `${moduleFor(sample)}\n`);
        await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
      });
    }
  });
}

rmSync(outDir, { recursive: true, force: true });
run('markdown', markdownSamples(root));
run('tsdoc', tsdocSamples(root));
