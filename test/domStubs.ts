// Stubs jsdom lacks and React Flow needs (../shared/reference/toolchain.md §5).
export function setupDomStubs(): void {
  class RO {
    cb: ResizeObserverCallback
    constructor(cb: ResizeObserverCallback) {
      this.cb = cb
    }
    observe(target: Element) {
      queueMicrotask(() => this.cb([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver))
    }
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = RO as unknown as typeof ResizeObserver
  globalThis.DOMMatrixReadOnly = class {
    m22: number
    constructor(t?: string) {
      this.m22 = Number(t?.match(/scale\(([0-9.]+)\)/)?.[1] ?? 1)
    }
  } as never
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get(this: HTMLElement) { return parseFloat(this.style.height) || 1 } },
    offsetWidth: { configurable: true, get(this: HTMLElement) { return parseFloat(this.style.width) || 1 } },
  })
  ;(SVGElement.prototype as unknown as { getBBox: () => object }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 })
  // No 2D canvas (jsdom says so on stderr for every call); the diagram's canvases draw nothing then.
  HTMLCanvasElement.prototype.getContext = (() => null) as never
}
