import { useEffect } from 'react'
import { useAppStoreApi } from '../state/context.tsx'

/**
 * The only place wall time enters the simulation: while the clock plays, every animation frame advances
 * the sandbox by the wall time since the last frame times the speed (the store caps one step at 1 s of
 * wall time, so a tab that slept does not jump hours).
 */
export function useClockLoop(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    let frame = 0
    let last: number | undefined
    const loop = (t: number) => {
      const { clock } = store.getState()
      if (clock.playing && last !== undefined) store.getState().tick(t - last)
      last = clock.playing ? t : undefined
      frame = requestAnimationFrame(loop)
    }
    frame = requestAnimationFrame(loop)
    return () => cancelAnimationFrame(frame)
  }, [store])
}
