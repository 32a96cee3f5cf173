// An inline panel opened by a button (close the consultation, switch to the phone, invite):
// focus goes into the panel (its title) when it opens, and back to its button when it closes,
// so that keyboard and screen-reader users never lose their place.
import { useEffect, useRef, useState } from 'preact/hooks';

export function useInlinePanel() {
  const [open, setOpen] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) title.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { open, setOpen, title, opener };
}
