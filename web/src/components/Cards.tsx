// Card patterns used across pages: a feature (icon + title + text) and numbered steps.
import { Icon, type IconName } from './Icon';

export interface Item {
  title: string;
  body: string;
}

export function FeatureGrid({
  items,
  cols = 2,
}: {
  items: Array<Item & { icon: IconName }>;
  cols?: 2 | 3 | 4;
}) {
  return (
    <ul class={`card-grid cols-${cols}`}>
      {items.map((it) => (
        <li key={it.title} class="card feature">
          <span class="feature-icon">
            <Icon name={it.icon} />
          </span>
          <h3>{it.title}</h3>
          <p>{it.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** An ordered list, so "step 2 of 3" is conveyed by the markup, not only by the big numbers. */
export function Steps({ items }: { items: Item[] }) {
  return (
    <ol class={`steps count-${items.length}`}>
      {items.map((it, i) => (
        <li key={it.title} class="card step">
          <span class="step-number" aria-hidden="true">
            {i + 1}
          </span>
          <h3>{it.title}</h3>
          <p>{it.body}</p>
        </li>
      ))}
    </ol>
  );
}
