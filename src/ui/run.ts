/**
 * Everything the full-screen reader needs, in one module: cli.tsx imports it with one import()
 * once it knows a terminal is attached, so the bundle loads Ink, the screens and the progress
 * store as a few files rather than one per module (each file loaded costs startup time).
 */
export {render} from 'ink';
export {App} from './App.js';
export {Library} from './Library.js';
export {ErrorBoundary} from './ErrorBoundary.js';
export {openProgressStore, installExitFlush, preloadWriter} from '../store/index.js';
