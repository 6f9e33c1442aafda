import { useEffect } from 'react'
import { useApp, useAppStoreApi } from '../state/context.tsx'
import { decodeShare, isShareFragment } from './shareLink.ts'

/**
 * Opens a share link once the engine is ready: the fragment (`#s=…`) is read, checked and replayed (or refused with a
 * message), then removed from the address bar so a reload does not open it again over later work. A link pasted
 * into the address bar of an open page arrives as a hashchange.
 */
export function useShareLinkOpener(): void {
  const store = useAppStoreApi()
  const ready = useApp((s) => s.status === 'ready')
  useEffect(() => {
    if (!ready) return
    let cancelled = false
    const openFragment = () => {
      const hash = window.location.hash
      if (!isShareFragment(hash)) return
      history.replaceState(null, '', window.location.pathname + window.location.search)
      void decodeShare(hash).then((decoded) => {
        if (cancelled) return
        if (decoded.ok) store.getState().openSession(decoded.session, 'Opened a share link')
        else store.getState().setOpenError(`${decoded.message} Your own world was left as it was.`)
      })
    }
    openFragment()
    window.addEventListener('hashchange', openFragment)
    return () => {
      cancelled = true
      window.removeEventListener('hashchange', openFragment)
    }
  }, [ready, store])
}
