/**
 * Test helper: loads the sentence model before the importing test file runs (a top-level await),
 * so tests can call `parseArticle` and the sync loaders. `import '../helpers/nlp.js';`
 */
import {loadNlp} from '../../src/core/segment.js';

await loadNlp();
