export { AssetClassSchema, defaultFundMap, FundMapSchema, FundSchema, type AssetClass, type Fund, type FundMap } from './fund-map.js';
export { buildModelPortfolio, riskScoreGlideTable, ScreensSchema, type ModelHolding, type ModelPortfolio, type Screens } from './build-model-portfolio.js';
