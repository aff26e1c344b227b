/**
 * What the page shows when the portal cannot start (config.json unreadable,
 * the sign-in redirect refused): the reason and a way to try again, never
 * the "loading" line for ever.
 */

export function StartupFailure(props: { error: unknown }) {
  const reason = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <main id="main" class="sign-in">
      <div class="notice error startup-failure" role="alert">
        <p lang="th">เปิดระบบไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ โปรดแจ้งผู้ดูแลระบบ</p>
        <p lang="en">
          The portal could not start. Try again; if it still fails, tell its administrator.
        </p>
        <p>
          <code>{reason}</code>
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          ลองใหม่ / Try again
        </button>
      </div>
    </main>
  );
}
