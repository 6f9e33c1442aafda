import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Names the panel in the message, e.g. "Diagram". */
  name: string
  children: ReactNode
}

interface State {
  error?: Error
}

/** One per region: a panel that throws shows this small message and a Retry, never a blank page. */
export class PanelErrorBoundary extends Component<Props, State> {
  state: State = {}

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed`, error, info.componentStack)
  }

  retry = (): void => {
    this.setState({ error: undefined })
  }

  render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="panel-error" role="alert">
        <p>
          This panel failed: {error.message || error.name}
        </p>
        <button type="button" onClick={this.retry}>
          Retry
        </button>
      </div>
    )
  }
}
