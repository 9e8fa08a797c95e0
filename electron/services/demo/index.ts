/** The demo workspace: loading it (all of it, resumed after a crash). */
export { loadDemoWorkspace, unfinishedDemo } from './loadDemoWorkspace';
