/**
 * Finds the code samples of the docs: ```ts blocks in the READMEs and guides,
 * and ```ts blocks after `@example` in the TSDoc of package sources, and turns
 * each into a module whose `//=>` comments are checked assertions.
 *
 * A block tagged ```ts no-run is shown but not run (say why beside it).
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Sample {
  /** Where it comes from: `path:line`. */
  readonly origin: string;
  /** The package whose exports are in scope (TSDoc samples), if any. */
  readonly packageName: string | undefined;
  readonly code: string;
}

const fence = /^```ts(?:[ \t]+([^\n]*))?\n([\s\S]*?)^```/gm;

function* walk(dir: string, accept: (file: string) => boolean): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path, accept);
    else if (accept(path)) yield path;
  }
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every runnable ```ts block of the markdown files. */
export function markdownSamples(root: string): Sample[] {
  const files = [
    join(root, 'README.md'),
    ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'README.md')),
    ...walk(join(root, 'docs'), (f) => f.endsWith('.md')),
    ...walk(join(root, 'examples'), (f) => f.endsWith('README.md')),
  ].filter((f) => existsSync(f));
  const samples: Sample[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(fence)) {
      if ((match[1] ?? '').includes('no-run')) continue;
      samples.push({ origin: `${relative(root, file)}:${lineOf(text, match.index)}`, packageName: undefined, code: match[2] ?? '' });
    }
  }
  return samples;
}

/** Every ```ts block after an `@example` tag in the TSDoc of package sources. */
export function tsdocSamples(root: string): Sample[] {
  const samples: Sample[] = [];
  for (const pkg of readdirSync(join(root, 'packages')).sort()) {
    const src = join(root, 'packages', pkg, 'src');
    const isSource = (f: string) => f.endsWith('.ts') && !/\.(test|test-d|bench)\.ts$/.test(f);
    for (const file of walk(src, isSource)) {
      const text = readFileSync(file, 'utf8');
      for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
        const body = comment[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '')).join('\n');
        const at = body.indexOf('@example');
        if (at < 0) continue;
        for (const match of body.slice(at).matchAll(fence)) {
          if ((match[1] ?? '').includes('no-run')) continue;
          const line = lineOf(text, comment.index);
          samples.push({ origin: `${relative(root, file)}:${line}`, packageName: `@kronos/${pkg}`, code: match[2] ?? '' });
        }
      }
    }
  }
  return samples;
}

function balanced(expression: string): boolean {
  let depth = 0;
  for (const char of expression) {
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const resultComment = /^(\s*)(.+?);?\s*\/\/=>\s*(.+?)\s*$/;
const throwsComment = /^(\s*)(.+?);?\s*\/\/\s*throws\b(.*)$/;
const statementKeyword = /^(if|for|while|do|return|throw|switch|try|else|import|export|function|class|type|interface)\b/;
const declaration = /^(const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(.+)$/;

/** Turns `expr; //=> value` lines into assertions and `expr; // throws X CODE` into expected throws. */
export function instrument(code: string): string {
  return code
    .split('\n')
    .map((line) => {
      const throws = throwsComment.exec(line);
      if (throws && balanced(throws[2] ?? '') && !declaration.test(throws[2] ?? '')) {
        const codeName = /\b([A-Z][A-Z0-9_]{2,})\b/.exec(throws[3] ?? '')?.[1];
        return `${throws[1]}await __sample.expectThrows(async () => { ${throws[2]}; }, ${JSON.stringify(codeName ?? null)});`;
      }
      const result = resultComment.exec(line);
      if (!result || !balanced(result[2] ?? '') || !balanced(result[3] ?? '') || statementKeyword.test(result[2] ?? '')) return line;
      const [, indent = '', statement = '', expected = ''] = result;
      const decl = declaration.exec(statement);
      if (decl) return `${indent}${statement}; __sample.expectEqual(${decl[2]}, (${expected}));`;
      return `${indent}__sample.expectEqual(await (${statement}), (${expected}));`;
    })
    .join('\n');
}
