/** Shows an API's problems (or any failure) in place of the page that failed, in both languages. */

import { Component, type ComponentChildren } from 'preact';
import { PortalApiError } from '../api/portal-api.js';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  override componentDidCatch(error: unknown) {
    this.setState({ error });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const problems = error instanceof PortalApiError ? error.problems : [];
    return (
      <div class="notice error" role="alert">
        <p>เกิดข้อผิดพลาด / Something went wrong</p>
        {problems.length > 0 ? (
          <ul>
            {problems.map((p) => (
              <li key={p.code}>
                {p.message.th} / {p.message.en}
              </li>
            ))}
          </ul>
        ) : (
          <p>{String(error instanceof Error ? error.message : error)}</p>
        )}
      </div>
    );
  }
}
