// Long-form text pages (legal notice, privacy): a readable column of titled sections.
import type { ComponentChildren } from 'preact';
import type { Item } from './Cards';

export function Prose({ children }: { children: ComponentChildren }) {
  return (
    <div class="container">
      <div class="prose">{children}</div>
    </div>
  );
}

export function ProseSections({ sections }: { sections: Record<string, Item> }) {
  return (
    <>
      {Object.entries(sections).map(([key, s]) => (
        <section key={key} aria-labelledby={`s-${key}`}>
          <h2 id={`s-${key}`}>{s.title}</h2>
          <p>{s.body}</p>
        </section>
      ))}
    </>
  );
}
