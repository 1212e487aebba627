/** Market profiles (templates/markets/<MARKET>.yaml) and the rules they put on editions. */
export { loadMarketProfile, readMarketProfile, marketProfiles, marketProfileSchema, REQUIREMENTS, MARKETS_DIR, type MarketProfile, type MarketProfileResult, type Requirement, type ReferenceSection } from './market-profile.js';
export { checkMarketRules, addMonths, type EditionInput, type EditionCourse, type Referencing, type SourcePosition } from './check-market-rules.js';
