export { KronosError, isKronosError, type KronosErrorCode } from './errors/index.js';
