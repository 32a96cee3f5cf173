// A file dropped on the chat panel: while files are dragged over it, `dropping` (the panel says
// "Déposez le fichier ici"); on the drop, the files go to `take`. Other drags (text, a link) are
// left to the browser.
import { useRef, useState } from 'preact/hooks';

const isFileDrag = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useFileDrop(take: (files: FileList | null | undefined) => void) {
  const [dropping, setDropping] = useState(false);
  const dragDepth = useRef(0);
  const handlers = {
    onDragEnter: (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      dragDepth.current += 1;
      setDropping(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      // Without this the browser opens the file instead of giving it to us.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDropping(false);
    },
    onDrop: (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      dragDepth.current = 0;
      setDropping(false);
      take(e.dataTransfer?.files);
    },
  };
  return { dropping, handlers };
}
