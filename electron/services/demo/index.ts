/** The demo workspace: loading it (all of it, resumed after a crash). */
export { loadDemoWorkspace, unfinishedDemo } from './loadDemoWorkspace';
/** The demo's team lead, who owns the desk a demo is loaded on (see api/deskOwner.ts). */
export { SUPERVISOR as DEMO_DESK_OWNER } from './brand';
