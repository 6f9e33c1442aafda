import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precache } from './src/app/pwa/precachePlugin.ts'

// base './' makes dist/ work from any static host and any sub-path (issue 3).
export default defineConfig({
  base: './',
  // precache: writes dist/sw.js with the build's file list, for the offline app (src/app/pwa).
  plugins: [react(), precache()],
  build: {
    // Monaco is one large lazily loaded chunk by design (see ../shared/reference/toolchain.md §3).
    chunkSizeWarningLimit: 4500,
  },
  server: { host: '127.0.0.1' },
})
