import { kronosTsup } from '../../scripts/tsup-preset.js';

export default kronosTsup([".","import","pglite","postgres"]);
