// Compiles the sampling kernel's text format with wabt (a dev dependency).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

/** The WebAssembly bytes of src/random/kernel/kernel.wat. */
export async function compileKernel() {
  const path = fileURLToPath(new URL('../src/random/kernel/kernel.wat', import.meta.url));
  const tools = await wabt();
  const module = tools.parseWat('kernel.wat', readFileSync(path, 'utf8'), { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
