export * from './limits.js';
export * from './scores.requests.js';
export * from './scoring-model-content.dto.js';
export * from './scoring-model.requests.js';
export * from './to-scoring-model-content.js';
