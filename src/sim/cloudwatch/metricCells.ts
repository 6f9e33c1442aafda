import { ownEntry, unproxied } from '../core/index.ts'
import { writable, type SimContext } from '../context.ts'
import { putSampleAt, seriesKey } from './series.ts'
import type { Dimension } from './state.ts'

/*
 * The minute's metric samples on their way to the series: a cell per series, a row per dimension set of the task
 * metrics, and the Accumulator that adds a minute's samples in them and stores one datapoint per series (publish.ts).
 */

/** The task metrics of Container Insights (fidelity §5.1) with their units, in the order rows keep them. */
export const TASK_METRICS: readonly [string, string][] = [
  ['CpuUtilized', 'None'],
  ['CpuReserved', 'None'],
  ['MemoryUtilized', 'Megabytes'],
  ['MemoryReserved', 'Megabytes'],
  ['NetworkRxBytes', 'Bytes/Second'],
  ['NetworkTxBytes', 'Bytes/Second'],
  ['StorageReadBytes', 'Bytes'],
  ['StorageWriteBytes', 'Bytes'],
]

/**
 * One series' samples of the minute being published, merged before they are stored (one datapoint per series per
 * minute). Cells are shared by every simulation in the process (a cell is a series' names: the same for everyone) and
 * reset by each publication that touches them: a publication runs to its end before any other can start.
 */
export interface Cell {
  key: string
  namespace: string
  name: string
  dims: Dimension[]
  unit: string
  /** The publication that last touched it. */
  run: number
  n: number
  sum: number
  min: number
  max: number
}
const CELLS = new Map<string, Cell>()
let runs = 0

export function cellOf(namespace: string, name: string, dims: Dimension[], unit: string): Cell {
  const id = `${namespace}|${name}|${unit}|${dims.map((d) => `${d.Name}=${d.Value}`).join('|')}`
  let cell = CELLS.get(id)
  if (!cell) CELLS.set(id, (cell = { key: seriesKey(namespace, name, dims), namespace, name, dims, unit, run: -1, n: 0, sum: 0, min: 0, max: 0 }))
  return cell
}

/**
 * A dimension set's task metrics (TASK_METRICS, in that order), which every task adds together: one check and three
 * small typed arrays per task and dimension set, rather than eight cells' (every task, every minute). Shared as cells
 * are; its cells get the row's figures when the minute is flushed.
 */
export interface CellRow {
  cells: Cell[]
  run: number
  n: number
  sum: Float64Array
  min: Float64Array
  max: Float64Array
}
const ROWS = new Map<string, CellRow>()

export function rowOf(dims: Dimension[]): CellRow {
  const id = dims.map((d) => `${d.Name}=${d.Value}`).join('|')
  let row = ROWS.get(id)
  if (!row) {
    const cells = TASK_METRICS.map(([n, unit]) => cellOf('ECS/ContainerInsights', n, dims, unit))
    ROWS.set(id, (row = { cells, run: -1, n: 0, sum: new Float64Array(cells.length), min: new Float64Array(cells.length), max: new Float64Array(cells.length) }))
  }
  return row
}

/** A task's values of TASK_METRICS, written afresh for each task (one array for all). */
export const TASK_VALUES = new Float64Array(TASK_METRICS.length)

/** A minute's cells, in the order they were first touched (the order new series are created in). */
export class Accumulator {
  private readonly run = ++runs
  private readonly touched: Cell[] = []
  private readonly rows: CellRow[] = []

  /** `add` of each of the row's cells with its value, in order (the same sums, in the same order). */
  addRow(row: CellRow, values: Float64Array): void {
    const { sum, min, max } = row
    if (row.run !== this.run) {
      row.run = this.run
      row.n = 1
      for (let m = 0; m < row.cells.length; m++) {
        sum[m] = min[m] = max[m] = values[m]
        row.cells[m].run = this.run
        this.touched.push(row.cells[m])
      }
      this.rows.push(row)
      return
    }
    row.n++
    for (let m = 0; m < row.cells.length; m++) {
      const value = values[m]
      sum[m] += value
      min[m] = Math.min(min[m], value)
      max[m] = Math.max(max[m], value)
    }
  }

  add(cell: Cell, value: number): void {
    if (cell.run !== this.run) {
      cell.run = this.run
      cell.n = 1
      cell.sum = cell.min = cell.max = value
      this.touched.push(cell)
      return
    }
    cell.n++
    cell.sum += value
    cell.min = Math.min(cell.min, value)
    cell.max = Math.max(cell.max, value)
  }

  /**
   * Stores the minute's points in the plain series, each kept by the journal before it changes (`SimContext.keep`):
   * through the journal's view every read and write of a point is a proxy's work.
   */
  flush(ctx: SimContext, at: number): void {
    for (const row of this.rows)
      row.cells.forEach((c, m) => {
        c.n = row.n
        c.sum = row.sum[m]
        c.min = row.min[m]
        c.max = row.max[m]
      })
    const cw = unproxied(ctx.world).cloudwatch
    for (const c of this.touched) {
      const series = ownEntry(cw.series, c.key)
      writable(ctx, series ? series.points : cw.series)
      putSampleAt(cw, c.key, c.namespace, c.name, c.dims, c.unit, at, c.sum, c.n, c.min, c.max)
    }
  }
}
