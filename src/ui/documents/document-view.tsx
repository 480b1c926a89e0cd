import { madeLine, type Block, type Item, type NotesDocument } from '../../domain/exports/notes-document';
import '../styles/documents.css';

/**
 * A notes document on screen and on paper: the same document the files are made from.
 * `topLevel` is the heading level its title takes: 1 on a page of its own, lower inside a
 * screen, so that the page's outline stays in order for screen readers.
 */
export function DocumentView({ doc, headingId, topLevel = 1 }: { doc: NotesDocument; headingId?: string; topLevel?: 1 | 2 | 3 }) {
  const made = madeLine(doc);
  return (
    <div class="document">
      {doc.blocks.map((block, i) => (
        <BlockView key={i} block={block} shift={topLevel - 1} {...(i === 0 && headingId ? { id: headingId } : {})} />
      ))}
      {made && <p class="document__note document__made">{made}</p>}
    </div>
  );
}

function BlockView({ block, id, shift }: { block: Block; id?: string; shift: number }) {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(block.level + shift, 6)}` as 'h1';
      // Styled by the level in the document, whatever the tag on this page.
      return (
        <Tag id={id} class={`document__h${block.level}`}>
          {block.text}
        </Tag>
      );
    }
    case 'facts':
      return (
        <dl class="document__facts">
          {block.items.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'text':
      return (
        <div class="document__text">
          {block.label && <p class="document__label">{block.label}</p>}
          <p class="pre-line">{block.text}</p>
        </div>
      );
    case 'note':
      return <p class="document__note">{block.text}</p>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <ItemView key={i} item={item} />
          ))}
        </List>
      );
    }
  }
}

function ItemView({ item }: { item: Item }) {
  return (
    <li>
      {item.strong && <strong>{item.strong}: </strong>}
      {item.text}
      {item.aside && <span class="document__aside"> ({item.aside})</span>}
      {item.details?.length ? (
        <ul>
          {item.details.map((d, i) => (
            <li key={i} class="pre-line">
              {d.label}: {d.text}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
