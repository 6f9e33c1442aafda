import { useEffect } from 'react'
import { useAppStoreApi } from '../state/context.tsx'
import { broadcastTo } from './broadcast.ts'
import { broadcastPort } from './messages.ts'

/** The presenter's page answers audience windows (it sends nothing until one says hello). */
export function useAudienceBroadcast(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    const port = broadcastPort()
    if (!port) return
    const stop = broadcastTo(store, port)
    return () => {
      stop()
      port.close()
    }
  }, [store])
}
