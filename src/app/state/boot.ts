import type { EngineModule } from './types.ts'

/**
 * The only way the app reaches `src/sandbox`: one dynamic import, so the engine and its AWS model data
 * land in their own chunk and the first screen (console textbox included) is interactive before they arrive.
 */
export const loadEngine = (): Promise<EngineModule> => import('../../sandbox/index.ts')
