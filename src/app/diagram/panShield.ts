import { useCallback, useRef } from 'react'

/**
 * A transparent layer over the diagram while the mouse drags the view (2,000-node bench, README Performance).
 *
 * Why: Chromium hit-tests every mouse move, and with the whole diagram in view that walked all 2,000 node layers
 * (~8–10 ms a move). The hit test stops at the topmost layer it hits, so with this layer on top it costs nothing.
 * It appears only once the view has moved (a `mousemove` that panned), not on mousedown: React Flow starts a pan
 * gesture on every mousedown, even on a node, and a layer appearing before mouseup would take the node's click.
 * It is toggled through a class on its own element, so no React render and no restyle of anything else.
 */
export function usePanShield() {
  const ref = useRef<HTMLDivElement>(null)
  const onPan = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event?.type === 'mousemove') ref.current?.classList.add('cs-pan-shield-on')
  }, [])
  const onPanEnd = useCallback(() => ref.current?.classList.remove('cs-pan-shield-on'), [])
  return { ref, onPan, onPanEnd }
}
