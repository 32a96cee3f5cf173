// A shared file in the chat's log: a thumbnail for a picture (fetched with the cookie, kept in
// this page only) and the link that downloads it.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fetchFileBlob } from '../../lib/consultation/api';
import { formatSize, isImage, type SharedFile } from '../../lib/consultation/files';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';

/** A shared file in the log: a thumbnail for a picture, and the link that downloads it. */
export function FileLine({ file }: { file: SharedFile }) {
  const { t, lang } = useI18n();
  const fx = t.files;
  return (
    <div class="chat-file-body">
      {isImage(file) && <Thumbnail file={file} />}
      <a
        class="chat-file-link"
        href={file.url}
        download={file.name}
        data-testid="chat-file-download"
      >
        <Icon name={isImage(file) ? 'download' : 'file'} />
        <span>
          <span class="visually-hidden">{fx.download} </span>
          <span class="chat-file-name">{file.name}</span>{' '}
          <span class="chat-file-size">({formatSize(file.size, lang)})</span>
        </span>
      </a>
    </div>
  );
}

/**
 * The picture, fetched with the cookie and shown from an object URL that is revoked when the
 * line goes: the bytes stay in this page only, never in the browser's image cache.
 */
function Thumbnail({ file }: { file: SharedFile }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const ctl = new AbortController();
    let made: string | null = null;
    setFailed(false);
    fetchFileBlob(file.url, ctl.signal).then(
      (blob) => {
        if (ctl.signal.aborted) return;
        made = URL.createObjectURL(blob);
        setSrc(made);
      },
      () => {
        if (!ctl.signal.aborted) setFailed(true);
      },
    );
    return () => {
      ctl.abort();
      if (made) URL.revokeObjectURL(made);
      setSrc(null);
    };
  }, [file.url]);
  if (failed) return <p class="chat-file-nopreview">{t.files.previewFailed}</p>;
  if (!src) return <span class="chat-file-thumb is-loading" aria-hidden="true" />;
  return (
    <img
      class="chat-file-thumb"
      src={src}
      alt={fillText(t.files.preview, { name: file.name })}
      data-testid="chat-file-image"
    />
  );
}
