export { createStaticPriceSource, type PriceSource } from './price-source.js';
export type { Broker, Fill, OrderRequest } from './broker.js';
