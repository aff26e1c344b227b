/**
 * Drop a file (or choose one): ask the API for a presigned POST, send the
 * file straight to S3 with a progress bar, then wait for intake's verdict.
 * The file's text is kept so refused lines can be shown beside their errors.
 */

import { useState } from 'preact/hooks';
import type { UploadFormat } from '../../../shared/workflow/upload-key.js';
import {
  type CarriedDraftDocument,
  CONTENT_TYPES,
  formatOfFile,
  postWithProgress,
  type UploadView,
} from '../api/portal-api.js';
import { formatNumber } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { CarriedDraftCard } from './carried-draft-card.js';

export interface SettledUpload {
  upload: UploadView;
  format: UploadFormat;
  /** The file's text (JSON or outline); undefined for Word. */
  text?: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string; fraction: number }
  | { kind: 'checking'; name: string }
  | { kind: 'failed'; reason: string };

const POLL_MS = 400;
const POLL_LIMIT_MS = 60_000;

export function UploadZone(props: {
  roundId: string;
  itemNo: number;
  /** An FY draft carried over from H1, offered before anything is sent. */
  carried?: CarriedDraftDocument | undefined;
  onStart: () => void;
  onSettled: (settled: SettledUpload) => void;
}) {
  const { api, agencyId, t, lang } = usePortal();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const inputId = `upload-${props.itemNo}`;
  const busy = phase.kind === 'sending' || phase.kind === 'checking';

  async function send(file: File) {
    const format = formatOfFile(file.name);
    if (!format) {
      setPhase({ kind: 'failed', reason: t('uploadWrongKind', { name: file.name }) });
      return;
    }
    props.onStart();
    setPhase({ kind: 'sending', name: file.name, fraction: 0 });
    try {
      const text = format === 'docx' ? undefined : await file.text();
      const presigned = await api.requestUpload(agencyId, props.roundId, props.itemNo, format);
      const body = new Blob([file], { type: CONTENT_TYPES[format] });
      await postWithProgress(presigned.post, body, file.name, (fraction) =>
        setPhase({ kind: 'sending', name: file.name, fraction }),
      );
      setPhase({ kind: 'checking', name: file.name });
      const deadline = Date.now() + POLL_LIMIT_MS;
      let upload = await api.getUpload(agencyId, presigned.uploadId);
      while (upload.status === 'requested' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        upload = await api.getUpload(agencyId, presigned.uploadId);
      }
      setPhase({ kind: 'idle' });
      props.onSettled({ upload, format, ...(text === undefined ? {} : { text }) });
    } catch (error) {
      setPhase({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      props.onSettled({
        upload: { uploadId: '', itemNo: props.itemNo, status: 'requested', requestedAt: '' },
        format,
      });
    }
  }

  return (
    <div class="upload">
      {props.carried ? (
        <CarriedDraftCard draft={props.carried} busy={busy} onSubmit={(file) => void send(file)} />
      ) : null}
      <label
        for={inputId}
        class={`dropzone${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const file = event.dataTransfer?.files[0];
          if (file && !busy) void send(file);
        }}
      >
        <span class="drop-main">{t('uploadDrop')}</span>
        <span class="drop-hint">{t('uploadKinds')}</span>
      </label>
      <input
        id={inputId}
        class="visually-hidden-input"
        type="file"
        accept=".docx,.txt,.json,application/json,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void send(file);
        }}
      />
      <div class="upload-status" role="status" aria-live="polite">
        {phase.kind === 'sending' ? (
          <>
            <label for={`${inputId}-progress`}>{t('uploading', { name: phase.name })}</label>
            <progress
              id={`${inputId}-progress`}
              max={100}
              value={Math.round(phase.fraction * 100)}
            />
            <span>{formatNumber(Math.round(phase.fraction * 100), lang)}%</span>
          </>
        ) : phase.kind === 'checking' ? (
          <p>{t('uploadChecking')}</p>
        ) : phase.kind === 'failed' ? (
          <p class="error">{t('uploadFailed', { reason: phase.reason })}</p>
        ) : null}
      </div>
    </div>
  );
}
