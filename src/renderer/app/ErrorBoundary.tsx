import { Component, type ErrorInfo, type ReactNode } from 'react';
import { toDisplayError, type DisplayError } from '../api/display-error';

interface Props {
  /** Renders the failure; `reset` tries the children again. */
  fallback: (error: DisplayError, reset: () => void) => ReactNode;
  children: ReactNode;
}

/** Catches render errors below it so one broken view never leaves the window blank. */
export class ErrorBoundary extends Component<Props, { error?: DisplayError }> {
  override state: { error?: DisplayError } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: toDisplayError(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // The console is what a bug report copies from; the screen shows the readable message.
    console.error('Auditdesk view failed to render', error, info.componentStack);
  }

  reset = () => this.setState({ error: undefined });

  override render() {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
