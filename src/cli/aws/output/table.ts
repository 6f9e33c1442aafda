// Table output (`--output table`): a port of aws-cli `awscli/formatter.py` `TableFormatter` (building) and
// `awscli/table.py` `MultiTable`/`Section` (rendering, colour off, terminal width 80 as when not a TTY).
// Fact: aws-fidelity.md 1.14 (title section, sorted headers, nested sections, vertical conversion > 80 columns).
import { isPlainObject, pySortKeys, pyStr } from './pyStr.ts'

/** Thrown where aws-cli's table code raises (a row whose length differs from the section's first row). */
export class TableShapeError extends Error {
  readonly exitCode = 255 as const
}

const TERMINAL_WIDTH = 80

// East Asian Width W/F/A characters count as 2 columns (`get_text_length`). W/F ranges are complete enough
// for CJK, Hangul, fullwidth forms and emoji; the A (ambiguous) list covers Latin-1, Greek, Cyrillic and common
// symbols — an approximation of Python's `unicodedata.east_asian_width(ch) in 'WFA'`.
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
]
const AMBIGUOUS: [number, number][] = [
  [0xa1, 0xa1], [0xa4, 0xa4], [0xa7, 0xa8], [0xaa, 0xaa], [0xad, 0xae], [0xb0, 0xb4], [0xb6, 0xba], [0xbc, 0xbf],
  [0xc6, 0xc6], [0xd0, 0xd0], [0xd7, 0xd8], [0xde, 0xe1], [0xe6, 0xe6], [0xe8, 0xea], [0xec, 0xed], [0xf0, 0xf0],
  [0xf2, 0xf3], [0xf7, 0xfa], [0xfc, 0xfc], [0xfe, 0xfe], [0x391, 0x3a9], [0x3b1, 0x3c9], [0x401, 0x401],
  [0x410, 0x44f], [0x451, 0x451], [0x2010, 0x2010], [0x2013, 0x2016], [0x2018, 0x2019], [0x201c, 0x201d],
  [0x2020, 0x2022], [0x2024, 0x2027], [0x2030, 0x2030], [0x2032, 0x2033], [0x2035, 0x2035], [0x203b, 0x203b],
  [0x203e, 0x203e], [0x2103, 0x2103], [0x2116, 0x2116], [0x2122, 0x2122], [0x2190, 0x2199], [0x2460, 0x24e9],
  [0x2500, 0x257f], [0x25a0, 0x25a1], [0x25b2, 0x25b3], [0x25bc, 0x25bd], [0x25c6, 0x25c8], [0x25cb, 0x25cb],
  [0x2605, 0x2606], [0xe000, 0xf8ff], [0xfe00, 0xfe0f], [0xfffd, 0xfffd],
]
const inRanges = (cp: number, ranges: [number, number][]): boolean => ranges.some(([a, b]) => cp >= a && cp <= b)

export function textLength(text: string): number {
  let n = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    n += cp >= 0xa1 && (inRanges(cp, WIDE) || inRanges(cp, AMBIGUOUS)) ? 2 : 1
  }
  return n
}

/** Python 3 `round()` (half to even) on the same double the aws-cli computes. */
function pyRound(x: number): number {
  const floor = Math.floor(x)
  const diff = x - floor
  if (diff > 0.5) return floor + 1
  if (diff < 0.5) return floor
  return floor % 2 === 0 ? floor : floor + 1
}

// table.py `center_text`: char_start = length//2 - text_length//2 - 1.
function centerText(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text)
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1
  const soFar = textLength(leftEdge) + charStart + textLen
  const right = length - textLength(rightEdge) - soFar
  return leftEdge + ' '.repeat(Math.max(0, charStart)) + text + ' '.repeat(Math.max(0, right)) + rightEdge
}

// table.py `align_left`: 2 spaces of padding, or none when the cell has no room.
function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text)
  const computed = textLen + 2 + textLength(leftEdge) + textLength(rightEdge)
  const padding = length - computed >= 0 ? 2 : 0
  const soFar = leftEdge.length + padding + textLen
  return leftEdge + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - soFar - rightEdge.length)) + rightEdge
}

class Section {
  title = ''
  headers: string[] = []
  rows: string[][] = []
  indentLevel = 0
  private numCols: number | undefined
  private maxWidths: number[] = []

  calculateColumnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding)
    if (maxWidth === undefined || unscaled.length === 0) return unscaled
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0)
    const scaled = unscaled.map((w) => pyRound(scale * w))
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth
    // Too wide: take from the left; too narrow: add from the right (table.py's while loop).
    while (offBy !== 0) {
      const order = [...scaled.keys()]
      if (offBy < 0) order.reverse()
      for (const i of order) {
        if (offBy > 0) { scaled[i] -= 1; offBy -= 1 } else { scaled[i] += 1; offBy += 1 }
        if (offBy === 0) break
      }
    }
    return scaled
  }

  totalWidth(padding: number, withBorder: boolean, outerPadding: number): number {
    let total = 0
    for (const w of this.calculateColumnWidths(0)) total += w + padding
    if (withBorder) total += 2
    total += 2 * outerPadding
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total)
  }

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers)
    if (this.numCols === undefined) this.numCols = headers.length
    this.headers = headers
  }

  addRow(row: unknown[]): void {
    if (this.numCols === undefined) this.numCols = row.length
    if (row.length !== this.numCols) {
      throw new TableShapeError(`Row should have ${this.numCols} elements, instead it has ${row.length}`)
    }
    const cells = row.map(pyStr)
    this.rows.push(cells)
    this.updateMaxWidths(cells)
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength)
    else row.forEach((el, i) => { this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0) })
  }
}

class MultiTable {
  sections: Section[] = []
  private current: Section | undefined

  newSection(title: string, indentLevel: number): void {
    this.current = new Section()
    this.current.title = title
    this.current.indentLevel = indentLevel
    this.sections.push(this.current)
  }

  private section(): Section {
    if (this.current === undefined) this.newSection('', 0)
    return this.current as Section
  }

  addRowHeader(headers: string[]): void { this.section().addHeader(headers) }
  addRow(row: unknown[]): void { this.section().addRow(row) }

  render(): string {
    let maxWidth = this.calculateMaxWidth()
    if (maxWidth > TERMINAL_WIDTH) {
      this.convertToVertical()
      maxWidth = this.calculateMaxWidth()
    }
    const out: string[] = ['-'.repeat(maxWidth) + '\n']
    for (const s of this.sections) this.renderSection(s, maxWidth, out)
    return out.join('')
  }

  // table.py `convert_to_vertical_table`: every single-row section with headers becomes key/value rows.
  private convertToVertical(): void {
    this.sections = this.sections.map((s) => {
      if (s.rows.length !== 1 || s.headers.length === 0) return s
      const v = new Section()
      v.title = s.title
      v.indentLevel = s.indentLevel
      s.headers.forEach((h, i) => v.addRow([h, s.rows[0][i]]))
      return v
    })
  }

  private calculateMaxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, true, s.indentLevel)))
  }

  private renderSection(s: Section, maxWidth: number, out: string[]): void {
    const bars = '|'.repeat(s.indentLevel)
    const write = (line: string): void => { out.push(bars + line + bars + '\n') }
    const width = maxWidth - 2 * s.indentLevel
    if (s.title) {
      write(centerText(s.title, width, '|', '|'))
      if (s.headers.length === 0 && s.rows.length === 0) write('+' + '-'.repeat(width - 2) + '+')
    }
    if (s.headers.length > 0) {
      const widths = s.calculateColumnWidths(4, width)
      write(lineBreak(widths))
      write(widths.map((w, i) => centerText(s.headers[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''))
    }
    if (s.rows.length > 0) {
      const widths = s.calculateColumnWidths(4, width)
      if (widths.length === 0) return
      write(lineBreak(widths))
      for (const row of s.rows) write(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''))
      write(lineBreak(widths))
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? '+' + '-'.repeat(w - 2) + '+' : '-'.repeat(w - 1) + '+')).join('')
}

const isScalar = (v: unknown): boolean => !Array.isArray(v) && !isPlainObject(v)

/** Python truthiness, as `_build_table`'s `if not current` tests it. */
const pyFalsy = (v: unknown): boolean =>
  v === null || v === undefined || v === false || v === 0 || v === '' ||
  (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0)

function groupScalarKeys(current: Record<string, unknown>): [string[], string[]] {
  const headers: string[] = []
  const more: string[] = []
  for (const [k, v] of Object.entries(current)) (isScalar(v) ? headers : more).push(k)
  return [pySortKeys(headers), pySortKeys(more)]
}

class TableBuilder {
  readonly table = new MultiTable()

  build(title: string | undefined, current: unknown, indentLevel = 0): boolean {
    if (pyFalsy(current)) return false
    if (title !== undefined) this.table.newSection(title, indentLevel)
    if (Array.isArray(current)) {
      if (isPlainObject(current[0])) {
        this.fromList(current, indentLevel, title ?? '')
      } else {
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item])
          else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item)
          else this.build(undefined, item)
        }
      }
    }
    if (isPlainObject(current)) this.fromDict(current, indentLevel)
    return true
  }

  private fromDict(current: Record<string, unknown>, indentLevel: number): void {
    const [headers, more] = groupScalarKeys(current)
    if (headers.length === 1) this.table.addRow([headers[0], current[headers[0]]])
    else if (headers.length > 0) {
      this.table.addRowHeader(headers)
      this.table.addRow(headers.map((k) => current[k]))
    }
    for (const key of more) this.build(key, current[key], indentLevel + 1)
  }

  private fromList(current: unknown[], indentLevel: number, title: string): void {
    const headerSet = new Set<string>()
    const moreSet = new Set<string>()
    for (const item of current) {
      if (!isPlainObject(item)) continue
      const [h, m] = groupScalarKeys(item)
      h.forEach((k) => headerSet.add(k))
      m.forEach((k) => moreSet.add(k))
    }
    const headers = pySortKeys(headerSet)
    const more = pySortKeys(moreSet)
    this.table.addRowHeader(headers)
    let first = true
    for (const element of current) {
      const el = isPlainObject(element) ? element : {}
      if (!first && more.length > 0) {
        this.table.newSection(title, indentLevel)
        this.table.addRowHeader(headers)
      }
      first = false
      this.table.addRow(headers.map((h) => (h in el ? el[h] : '')))
      for (const key of more) if (key in el) this.build(key, el[key], indentLevel + 1)
    }
  }
}

export function formatTable(value: unknown, operationName: string): string {
  const builder = new TableBuilder()
  if (!builder.build(operationName, value)) return ''
  return builder.table.render()
}
