import type { QrSymbol } from './symbol.ts'

/**
 * The symbol as an SVG document: one path of unit squares (dark modules, merged along each row) inside the four-module
 * light quiet zone a reader needs (ISO/IEC 18004 §6.3.8). `title` becomes the image's accessible name.
 */
export function qrSvg(symbol: QrSymbol, title: string, quiet = 4): string {
  const side = symbol.size + 2 * quiet
  let d = ''
  symbol.dark.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue
      let end = x
      while (end + 1 < row.length && row[end + 1]) end++
      d += `M${x + quiet} ${y + quiet}h${end - x + 1}v1h${-(end - x + 1)}z`
      x = end
    }
  })
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img">` +
    `<title>${escaped}</title><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  )
}
