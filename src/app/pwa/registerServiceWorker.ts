import { create } from 'zustand'

interface UpdateState {
  /** Set when a new version has been installed and waits: calling it switches to it and reloads the page. */
  apply?: () => void
}

/** Whether a new version of the app is ready (UpdateNotice.tsx shows "Reload to update"). */
export const useUpdateReady = create<UpdateState>()(() => ({}))

/**
 * Registers the service worker the build wrote beside index.html (precachePlugin.ts), by a relative URL so it works
 * under any sub-path. When a deployment brings a new version, it installs in the background and waits; the page
 * offers to reload onto it. Production builds only: dev serves modules straight from Vite.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const container = navigator.serviceWorker
  let reloading = false
  const offer = (worker: ServiceWorker) => {
    useUpdateReady.setState({
      apply: () => {
        container.addEventListener('controllerchange', () => {
          if (reloading) return
          reloading = true
          window.location.reload()
        })
        worker.postMessage('skip-waiting')
      },
    })
  }
  const register = async () => {
    const registration = await container.register('./sw.js')
    // A waiting worker while a page is controlled is a new version (the first install activates at once).
    if (registration.waiting && container.controller) offer(registration.waiting)
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && container.controller) offer(worker)
      })
    })
  }
  // After the page's own loading, so precaching never competes with the first screen.
  const start = () => void register().catch(() => undefined)
  if (document.readyState === 'complete') start()
  else window.addEventListener('load', start, { once: true })
}
