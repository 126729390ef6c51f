import {alignStory, toAlignJson} from '../src/core/align/index.js';
import {quoteGroupsForAlignment} from '../src/core/analysis.js';
import {attributeStory} from '../src/core/quotes/index.js';
import {loadSeedArticles} from '../test/helpers/seedStory.js';
import {loadNlp} from '../src/core/segment.js';
await loadNlp();
const articles = loadSeedArticles();
const quoteGroups = quoteGroupsForAlignment(attributeStory(articles));
console.log(JSON.stringify(toAlignJson(articles, alignStory(articles, {quoteGroups}))));
