import { KronosError as LedgerError } from '@kronos/core-ledger';
import { choleskyDecompose, createRng, fillNormal, historicalVar, KronosError, matrixFromRows, matrixToRows, normalQuantile } from '@kronos/risk';

const z = fillNormal(createRng('kronos'), new Float64Array(3));
console.log(Array.from(z, (v) => v.toFixed(6)).join(' '));
const { factor } = choleskyDecompose(matrixFromRows([[4, 2], [2, 3]]));
console.log(JSON.stringify(matrixToRows(factor).map((row) => row.map((v) => Number(v.toFixed(6))))));
console.log(historicalVar([-0.05, -0.01, 0, 0.02, 0.03], { confidence: 0.75 }));
try {
  normalQuantile(2);
} catch (error) {
  console.log(error instanceof KronosError, error instanceof LedgerError, error.code);
}
