/**
 * The read model alone, for the app's first screen (the inspector and the lesson panel): `index.ts` also brings the
 * whole engine, which the app loads lazily. Same functions as `index.ts` exports; see README.md.
 */
export * from '../sim/views/index.ts'
