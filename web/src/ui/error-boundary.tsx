/** Shows an API's problems (or any failure) in place of the page that failed, in both languages. */

import { Component, type ComponentChildren } from 'preact';
import { ApiErrorNotice } from './api-error-notice.js';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  override componentDidCatch(error: unknown) {
    this.setState({ error });
  }

  override render() {
    const { error } = this.state;
    return error ? <ApiErrorNotice error={error} /> : this.props.children;
  }
}
