// The brand of the host the page is served on (docs/operator.md "Partners"): a partner's name,
// logo and colours, or the platform's own. The colours become CSS custom properties set from
// script (the CSP forbids inline style attributes, not the CSSOM); a colour too pale to read on
// white (under 4.5:1) is not applied.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { contrastOnWhite, fetchBrand, type Brand } from '../lib/operator/partners';

const BrandContext = createContext<Brand | null>(null);

export function useBrand(): Brand | null {
  return useContext(BrandContext);
}

export function BrandProvider({ children }: { children: ComponentChildren }) {
  const [brand, setBrand] = useState<Brand | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    fetchBrand(ctl.signal).then(
      (r) => setBrand(r.partner),
      () => setBrand(null), // the platform's own look: nothing to apply
    );
    return () => ctl.abort();
  }, []);
  useEffect(() => {
    if (!brand) return;
    const root = document.documentElement.style;
    if (contrastOnWhite(brand.color_primary) >= 4.5) {
      root.setProperty('--primary', brand.color_primary);
      root.setProperty('--primary-hover', brand.color_primary);
      root.setProperty('--focus', brand.color_primary);
    }
    if (contrastOnWhite(brand.color_accent) >= 4.5)
      root.setProperty('--brand-accent', brand.color_accent);
  }, [brand]);
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>;
}
