/** An API's problems (or any failure) in both languages: what the person reads when something failed. */

import { PortalApiError } from '../api/portal-api.js';

export function ApiErrorNotice(props: { error: unknown; heading?: string }) {
  const { error } = props;
  const problems = error instanceof PortalApiError ? error.problems : [];
  return (
    <div class="notice error" role="alert">
      <p>{props.heading ?? 'เกิดข้อผิดพลาด / Something went wrong'}</p>
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
