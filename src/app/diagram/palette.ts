import type { DiagramKind, DiagramStatus } from './types.ts'

// The diagram's colours for pictures drawn outside the DOM: the SVG/PNG export (exportImage.ts), the zoomed-out
// picture (paintGraph.ts) and the overview map. They follow diagram.css, which styles the DOM nodes: when a colour
// changes there, change it here too. Fills are the CSS fills flattened onto white (canvas and export draw opaque).

/** Fill and border per kind. */
export const KIND_COLOURS: Readonly<Record<DiagramKind, readonly [fill: string, stroke: string]>> = {
  Region: ['#f7fcfc', '#00a4a6'],
  VPC: ['#f4f9f3', '#248814'],
  'Availability Zone': ['#f3f8fc', '#147eba'],
  Subnet: ['#f2f8e6', '#7aa116'],
  'Internet gateway': ['#ffffff', '#8c4fff'],
  'Security group': ['#ffffff', '#dd344c'],
  'IAM role': ['#ffffff', '#dd344c'],
  'ECR repository': ['#ffffff', '#ed7100'],
  'ECS cluster': ['#fffaf5', '#ed7100'],
  'ECS service': ['#ffffff', '#ed7100'],
  'Capacity provider': ['#ffffff', '#e07700'],
  'Network interface': ['#ffffff', '#8c4fff'],
  Task: ['#ffffff', '#ed7100'],
  Container: ['#ffffff', '#d9a066'],
  'Load balancer': ['#faf7ff', '#8c4fff'],
  Listener: ['#ffffff', '#8c4fff'],
  'Listener rule': ['#ffffff', '#b69cf5'],
  'Target group': ['#ffffff', '#8c4fff'],
  'EC2 instance': ['#fffaf5', '#ed7100'],
  'Docker bridge': ['#f5f8ff', '#1f4fd6'],
  'Auto Scaling group': ['#fffdf7', '#e07700'],
  'EBS volume': ['#f4f9f3', '#3f8624'],
}

/** A private subnet's colours (`.cs-kind-subnet.cs-private`); public subnets use the Subnet entry above. */
export const PRIVATE_SUBNET_COLOURS = ['#e6f6f7', '#00a4a6'] as const

/** `--cs-ok` … `--cs-neutral`. */
export const STATUS_COLOURS: Readonly<Record<DiagramStatus, string>> = {
  ok: '#1d8102',
  pending: '#0972d3',
  warning: '#b86e00',
  error: '#d91515',
  stopped: '#7d8998',
  neutral: '#9ba7b6',
}

/** Kinds drawn with a dashed border: logical or geographic groupings rather than resources. */
export const DASHED_KINDS: ReadonlySet<DiagramKind> = new Set<DiagramKind>(['Region', 'Availability Zone', 'ECS cluster', 'Auto Scaling group', 'Docker bridge'])

/** What the last command changed and the path a request took (`.cs-changed`, `.cs-lit`). */
export const HIGHLIGHT_COLOUR = '#ff9900'
/** Selection and keyboard focus (`--cs-focus`). */
export const FOCUS_COLOUR = '#0972d3'
/** A container instance's usage bars (`.cs-usage-track`, `.cs-usage-fill`): 8.3:1 on the instance's fill. */
export const USAGE_COLOUR = '#414d5c'
/** React Flow's default edge colour. */
export const EDGE_COLOUR = '#b1b1b7'
