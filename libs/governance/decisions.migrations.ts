import { PortfolioProjects1796100000000 } from './decisions/read-models/migrations/1796100000000-portfolio-projects.js';
import { PortfolioScores1796200000000 } from './decisions/read-models/migrations/1796200000000-portfolio-scores.js';

/** The read models of portfolio projects and decisions. */
export const DECISIONS_MIGRATIONS = [PortfolioProjects1796100000000, PortfolioScores1796200000000];
