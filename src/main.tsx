import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { panels } from './app/panels.ts'
import { createAppStore } from './app/state/store.ts'
import { loadEngine } from './app/state/boot.ts'

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined // storage disabled: the app works, nothing is kept
  }
}

const store = createAppStore({ loadEngine, storage: browserStorage() })
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App store={store} panels={panels} />
  </StrictMode>,
)
